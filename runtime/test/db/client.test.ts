import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';

// SQLite reports synchronous as a number: 1 NORMAL, 2 FULL.
const SYNCHRONOUS = { normal: 1, full: 2 } as const;

describe('openDatabase', () => {
  let directory = '';
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'journey-db-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('syncs every commit unless told otherwise, in WAL mode', () => {
    const { sqlite } = openDatabase(join(directory, 'default.db'));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(SYNCHRONOUS.full);
    sqlite.close();
  });

  it('syncs at checkpoints only when asked for normal', () => {
    const { sqlite } = openDatabase(join(directory, 'normal.db'), 'normal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(SYNCHRONOUS.normal);
    sqlite.close();
  });
});
