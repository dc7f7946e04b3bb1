import { readdirSync, readFileSync } from 'node:fs';
import { type DocumentIssue, type JourneyDocument, parseJourneyDocument } from '@journey/shared';

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

/** The JSON in a sample file; throws naming the file when it is not JSON. */
export function parseJsonFile(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/** An error naming the file and each issue's field, for a sample that does not parse. */
export function invalidSampleError(file: string, what: string, issues: readonly DocumentIssue[]): Error {
  const lines = issues.map((issue) => `  ${issue.path || '(whole file)'}: ${issue.message}`);
  return new Error(`${file} is not a valid ${what}:\n${lines.join('\n')}`);
}

function parseSample(file: string, text: string): JourneyDocument {
  const parsed = parseJourneyDocument(parseJsonFile(file, text));
  if (!parsed.ok) throw invalidSampleError(file, 'journey document', parsed.issues);
  return parsed.document;
}
