import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { z } from 'zod';
import type { Clock } from '../clock';
import type { Database } from '../db/client';
import { MAX_JSON_DEPTH, pathNestedTooDeep } from '../json-depth';
import { customerIdSchema, customerPatchSchema } from './schema';
import type { CustomerStore } from './store';

export const importFormats = { 'text/csv': 'csv', 'application/x-ndjson': 'ndjson' } as const;
export type ImportFormat = (typeof importFormats)[keyof typeof importFormats];

export interface ImportOptions {
  format: ImportFormat;
  /** The column holding customer ids; without it (or when a CSV header lacks it) ids are data-row numbers. */
  idColumn?: string;
}

export interface RejectedRow {
  /** 1-based number of the data row (the CSV header and blank lines are not counted). */
  row: number;
  message: string;
}

export interface ImportResult {
  imported: number;
  updated: number;
  rejected: RejectedRow[];
}

/** One data row of the file, split into the customer's id, tags and attributes (not validated yet). */
type SourceRow =
  | { row: number; id: unknown; tags: unknown; attributes: Record<string, unknown> }
  | { row: number; error: string };

const BATCH_SIZE = 1000;
/** The column that holds tags; in CSV its values are separated by `|`. */
const TAGS_COLUMN = 'tags';

const importRowSchema = customerPatchSchema.extend({ id: customerIdSchema });
type ImportRow = z.infer<typeof importRowSchema>;

function splitFields(row: number, fields: Record<string, unknown>, idColumn: string | undefined): SourceRow {
  const { [TAGS_COLUMN]: tags, ...attributes } = fields;
  if (idColumn === undefined) return { row, id: String(row), tags, attributes };
  const { [idColumn]: id, ...rest } = attributes;
  return { row, id: typeof id === 'number' ? String(id) : id, tags, attributes: rest };
}

// Plain decimals become numbers; leading zeros ("007", postcodes) and unsafe integers stay text.
const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

function typedCsvValue(text: string): string | number {
  if (!DECIMAL.test(text)) return text;
  const value = Number(text);
  return Number.isInteger(value) && !Number.isSafeInteger(value) ? text : value;
}

function csvFields(record: Record<string, string>, idColumn: string | undefined): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [column, text] of Object.entries(record)) {
    if (text === '') continue; // an empty cell leaves the attribute untouched
    if (column === TAGS_COLUMN)
      fields[column] = text
        .split('|')
        .map((tag) => tag.trim())
        .filter(Boolean);
    else fields[column] = column === idColumn ? text : typedCsvValue(text);
  }
  return fields;
}

async function* csvRows(input: Readable, idColumn: string | undefined): AsyncGenerator<SourceRow> {
  let rowIdColumn: string | undefined;
  // Broken rows are skipped by the parser and reported here. Both callbacks run while parsing, ahead of this
  // generator's consumer, so row numbers are assigned there and the reports are merged back in row order.
  let skippedRows = 0;
  const skipped: SourceRow[] = [];
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => {
        rowIdColumn = idColumn !== undefined && header.includes(idColumn) ? idColumn : undefined;
        return header;
      },
      bom: true,
      trim: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        skippedRows += 1;
        skipped.push({ row: parser.info.records + skippedRows, error: error?.message ?? 'unreadable row' });
      },
      on_record: (record: Record<string, string>, info) => ({ record, row: info.records + skippedRows }),
    }),
  );
  for await (const { record, row } of parser as AsyncIterable<{ record: Record<string, string>; row: number }>) {
    while (skipped[0] && skipped[0].row < row) yield skipped.shift()!;
    yield splitFields(row, csvFields(record, rowIdColumn), rowIdColumn);
  }
  yield* skipped;
}

async function* ndjsonRows(input: Readable, idColumn: string | undefined): AsyncGenerator<SourceRow> {
  let row = 0;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.trim() === '') continue;
    row += 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield { row, error: `not valid JSON: ${(error as Error).message}` };
      continue;
    }
    const tooDeep = pathNestedTooDeep(value);
    if (tooDeep) {
      yield { row, error: `${tooDeep.join('.')}: nested deeper than ${MAX_JSON_DEPTH} levels` };
      continue;
    }
    yield typeof value === 'object' && value !== null && !Array.isArray(value)
      ? splitFields(row, value as Record<string, unknown>, idColumn)
      : { row, error: 'expected a JSON object' };
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
}

/**
 * Streams customers from CSV or NDJSON into the store, upserting like `PUT /v1/customers/:id` in transactions
 * of {@link BATCH_SIZE} rows. Bad rows are reported and skipped; they never abort the rest of the file.
 */
export async function importCustomers(
  input: Readable,
  options: ImportOptions,
  store: CustomerStore,
  db: Database,
  clock: Clock,
): Promise<ImportResult> {
  const result: ImportResult = { imported: 0, updated: 0, rejected: [] };
  let batch: ImportRow[] = [];
  const flush = () => {
    const now = clock.now();
    db.transaction(() => {
      for (const { id, ...patch } of batch) {
        if (store.upsert(id, patch, now)) result.imported += 1;
        else result.updated += 1;
      }
    });
    batch = [];
  };

  const rows = options.format === 'csv' ? csvRows(input, options.idColumn) : ndjsonRows(input, options.idColumn);
  for await (const source of rows) {
    if ('error' in source) {
      result.rejected.push({ row: source.row, message: source.error });
      continue;
    }
    if (source.id === undefined) {
      result.rejected.push({ row: source.row, message: `no value in the id column "${options.idColumn}"` });
      continue;
    }
    const parsed = importRowSchema.safeParse({ id: source.id, attributes: source.attributes, tags: source.tags });
    if (!parsed.success) {
      result.rejected.push({ row: source.row, message: describeIssues(parsed.error) });
      continue;
    }
    batch.push(parsed.data);
    if (batch.length === BATCH_SIZE) flush();
  }
  if (batch.length > 0) flush();
  return result;
}
