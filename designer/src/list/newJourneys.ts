import {
  CURRENT_SCHEMA_VERSION,
  catalog,
  type DocumentIssue,
  defaultSettings,
  type JourneyDocument,
  parseJourneyDocument,
} from '@journey/shared';
import { uniqueId } from '../store/documentOps';

// Documents for the journeys list's "New", "Duplicate" and "Import": each gets an id no journey has yet.

/** Ids are at most 64 characters; this leaves room for the "-12" uniqueId appends. */
const MAX_ID_BASE = 56;

/** A readable id from a name: "Card welcome" → "card-welcome"; names without Latin letters fall back to `fallback`. */
export function idBase(name: string, fallback = 'journey'): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID_BASE)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** A readable, free id from the name: "Renewal offer" → "renewal-offer" (or "renewal-offer-1" when taken). */
export function suggestedId(name: string, takenIds: ReadonlySet<string>, fallback: string): string {
  const base = idBase(name, fallback);
  return takenIds.has(base) ? uniqueId(base, takenIds) : base;
}

/** A trigger connected to an exit: the smallest journey, ready for steps in between. */
export function blankJourney(name: string, takenIds: ReadonlySet<string>): JourneyDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: uniqueId(idBase(name), takenIds),
    name,
    settings: { ...defaultSettings },
    nodes: [
      {
        id: 'trigger-1',
        type: 'trigger',
        position: { x: 0, y: 0 },
        config: structuredClone(catalog.trigger.defaultConfig),
      },
      { id: 'exit-1', type: 'exit', position: { x: 320, y: 0 }, config: structuredClone(catalog.exit.defaultConfig) },
    ],
    edges: [{ id: 'edge-1', source: 'trigger-1', sourceHandle: 'next', target: 'exit-1' }],
  };
}

/** The same document under a new id and name. */
export function copyOf(document: JourneyDocument, name: string, takenIds: ReadonlySet<string>): JourneyDocument {
  return { ...structuredClone(document), id: uniqueId(idBase(document.id), takenIds), name };
}

export type ImportResult =
  | { ok: true; document: JourneyDocument; renamed: boolean }
  | { ok: false; issues: DocumentIssue[] };

/** A journey document from a JSON file's text; a document whose id is taken gets a fresh one. */
export function importJourney(text: string, takenIds: ReadonlySet<string>): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '', message: error instanceof Error ? error.message : String(error) }] };
  }
  const parsed = parseJourneyDocument(json);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const { document } = parsed;
  if (!takenIds.has(document.id)) return { ok: true, document, renamed: false };
  return { ok: true, document: { ...document, id: uniqueId(idBase(document.id), takenIds) }, renamed: true };
}
