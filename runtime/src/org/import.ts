import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { z } from 'zod';
import type { Database } from '../db/client';
import type { Issue } from '../http-errors';
import type { SaveResult } from './store';

export interface OrgImportResult {
  imported: number;
  updated: number;
  /** Rows skipped, by 1-based data-row number (the header is not counted). */
  rejected: Array<{ row: number; message: string }>;
}

const BATCH_SIZE = 500;

const describe = (problems: readonly Issue[]) => problems.map(({ path, message }) => `${path}: ${message}`).join('; ');

function withoutEmptyCells(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ''));
}

/**
 * Streams a CSV file (header row first; an empty cell counts as absent) through `schema` into `save`, in
 * transactions of {@link BATCH_SIZE} rows, in file order (so parents go before their children). Rows that
 * do not parse or are refused are reported and skipped; unreadable CSV ends the import, reported as a row.
 */
export async function importCsv<Row>(
  input: Readable,
  schema: z.ZodType<Row>,
  save: (row: Row) => SaveResult,
  db: Database,
): Promise<OrgImportResult> {
  const result: OrgImportResult = { imported: 0, updated: 0, rejected: [] };
  let batch: Array<{ row: number; value: Row }> = [];
  const flush = () => {
    db.transaction(() => {
      for (const { row, value } of batch) {
        const saved = save(value);
        if (!saved.ok) result.rejected.push({ row, message: describe(saved.problems) });
        else if (saved.created) result.imported += 1;
        else result.updated += 1;
      }
    });
    batch = [];
  };

  const records = input.pipe(
    parse({ columns: true, bom: true, trim: true, skip_empty_lines: true, relax_column_count: true }),
  );
  let row = 0;
  try {
    for await (const record of records as AsyncIterable<Record<string, string>>) {
      row += 1;
      const parsed = schema.safeParse(withoutEmptyCells(record));
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
        result.rejected.push({ row, message: describe(problems) });
        continue;
      }
      batch.push({ row, value: parsed.data });
      if (batch.length === BATCH_SIZE) flush();
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    result.rejected.push({ row: row + 1, message: `${error.message}; the rest of the file was not read` });
  }
  if (batch.length > 0) flush();
  // Unparsable rows are reported as read, refused ones when their batch is saved.
  result.rejected.sort((a, b) => a.row - b.row);
  return result;
}
