import { readdirSync, readFileSync } from 'node:fs';
import { type JourneyTemplate, parseJourneyTemplate } from '@journey/shared';
import type { RuntimeApi } from './api';
import { invalidSampleError, loadSampleJourneys, parseJsonFile } from './journeys';

const templatesDirectory = new URL('../templates/', import.meta.url);

/**
 * The template gallery: each `samples/templates/<name>.json` holds a template's name, description, category and
 * parameters, and its document is the sample journey of the same name. Sorted by file name; the id is the file
 * name without `.json`. Throws naming the file when one does not parse or has no journey.
 */
export function loadSampleTemplates(): JourneyTemplate[] {
  const documents = new Map(loadSampleJourneys().map(({ file, document }) => [file, document]));
  return readdirSync(templatesDirectory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const document = documents.get(file);
      if (!document) throw new Error(`templates/${file} has no journey: add journeys/${file}`);
      const json = parseJsonFile(`templates/${file}`, readFileSync(new URL(file, templatesDirectory), 'utf8'));
      if (typeof json !== 'object' || json === null || Array.isArray(json) || 'id' in json || 'document' in json) {
        throw new Error(
          `templates/${file} must be a JSON object without "id" and "document": the id is the file name and the document is journeys/${file}`,
        );
      }
      const parsed = parseJourneyTemplate({ ...json, id: file.replace(/\.json$/, ''), document });
      if (!parsed.ok) throw invalidSampleError(`templates/${file}`, 'journey template', parsed.issues);
      return parsed.template;
    });
}

/** Creates or replaces each sample template in the runtime's gallery; returns how many. */
export async function installSampleTemplates(api: RuntimeApi): Promise<number> {
  const templates = loadSampleTemplates();
  for (const { id, ...template } of templates) await api.request('PUT', `/v1/templates/${id}`, { json: template });
  return templates.length;
}
