import { readdirSync, readFileSync } from 'node:fs';
import { type JourneyDocument, parseJourneyDocument } from '@journey/shared';

const journeysDirectory = new URL('../journeys/', import.meta.url);

export interface SampleJourney {
  /** File name inside `samples/journeys`, e.g. `wealth-maturity.json`. */
  file: string;
  document: JourneyDocument;
}

/** Reads every sample journey in `samples/journeys`, sorted by file name; throws if one does not parse. */
export function loadSampleJourneys(): SampleJourney[] {
  return readdirSync(journeysDirectory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, document: parseSample(file, readFileSync(new URL(file, journeysDirectory), 'utf8')) }));
}

function parseSample(file: string, text: string): JourneyDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const parsed = parseJourneyDocument(json);
  if (!parsed.ok) {
    const issues = parsed.issues.map((issue) => `  ${issue.path || '(document)'}: ${issue.message}`);
    throw new Error(`${file} is not a valid journey document:\n${issues.join('\n')}`);
  }
  return parsed.document;
}
