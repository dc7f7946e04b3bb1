import type { z } from 'zod';
import { CURRENT_SCHEMA_VERSION, type JourneyDocument, journeyDocumentSchema } from './document';

/**
 * One step per schema version: `migrations[n]` turns a version-n document into version n+1.
 * Add an entry here (and bump CURRENT_SCHEMA_VERSION) when the document format changes.
 */
type Migration = (document: Record<string, unknown>) => Record<string, unknown>;
export const migrations: Readonly<Record<number, Migration>> = {};

export interface DocumentIssue {
  path: string;
  message: string;
}

export type DocumentParse =
  | { ok: true; document: JourneyDocument; migratedFrom?: number }
  | { ok: false; issues: DocumentIssue[] };

/** Dotted path of a zod issue, e.g. `nodes.3.position.x`. */
export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

export function toDocumentIssues(error: z.ZodError): DocumentIssue[] {
  return error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
}

/** Reads a journey document of any known schema version; never throws. */
export function parseJourneyDocument(input: unknown): DocumentParse {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ path: '', message: 'a journey document must be a JSON object' }] };
  }
  let document = input as Record<string, unknown>;
  const startVersion = document.schemaVersion;
  if (typeof startVersion !== 'number' || !Number.isInteger(startVersion) || startVersion < 1) {
    return { ok: false, issues: [{ path: 'schemaVersion', message: 'schemaVersion must be a positive integer' }] };
  }
  if (startVersion > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      issues: [
        {
          path: 'schemaVersion',
          message: `schemaVersion ${startVersion} is newer than this software supports (${CURRENT_SCHEMA_VERSION})`,
        },
      ],
    };
  }
  for (let version = startVersion; version < CURRENT_SCHEMA_VERSION; version++) {
    const migrate = migrations[version];
    if (!migrate) {
      return { ok: false, issues: [{ path: 'schemaVersion', message: `no migration from version ${version}` }] };
    }
    document = { ...migrate(document), schemaVersion: version + 1 };
  }
  const result = journeyDocumentSchema.safeParse(document);
  if (!result.success) return { ok: false, issues: toDocumentIssues(result.error) };
  return startVersion === CURRENT_SCHEMA_VERSION
    ? { ok: true, document: result.data }
    : { ok: true, document: result.data, migratedFrom: startVersion };
}
