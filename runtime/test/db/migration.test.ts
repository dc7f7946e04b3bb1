import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '../../src/db/client';

const migrations = new URL('../../drizzle/', import.meta.url);
const journal: { entries: Array<{ tag: string; when: number }> } = JSON.parse(
  readFileSync(new URL('meta/_journal.json', migrations), 'utf8'),
);
const OLD_TABLES = ['customers', 'segments', 'events'] as const;

/** A database exactly as the first release left it: its one migration applied and recorded the way drizzle records it. */
function firstVersionDatabase(path: string): void {
  const file = readdirSync(migrations).find((name) => name.startsWith('0000_'))!;
  const sql = readFileSync(new URL(file, migrations), 'utf8');
  const database = new BetterSqlite3(path);
  for (const statement of sql.split('--> statement-breakpoint')) database.exec(statement);
  database.exec('CREATE TABLE "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
  database
    .prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)')
    .run(createHash('sha256').update(sql).digest('hex'), journal.entries[0]!.when);

  const customer = database.prepare('INSERT INTO customers VALUES (?, ?, ?, ?, ?)');
  customer.run('c1', JSON.stringify({ name: 'Li Wei', age: 35 }), JSON.stringify(['payroll']), 1, 2);
  customer.run('c2', JSON.stringify({ name: '王芳' }), '[]', 3, 3);
  database
    .prepare('INSERT INTO segments VALUES (?, ?, ?, ?)')
    .run('s1', 'payroll', JSON.stringify({ hasTag: 'payroll' }), 4);
  const event = database.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)');
  event.run('e1', 'c1', 'card_activated', 5, '{}', 6);
  event.run('e2', 'c2', 'purchase', 7, JSON.stringify({ amount: 120.5 }), 8);
  database.close();
}

const rowsOf = (database: BetterSqlite3.Database, table: string) =>
  database.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();

describe('versioned storage', () => {
  it('upgrades a database of the first schema version to the current one without losing a row', () => {
    const directory = mkdtempSync(join(tmpdir(), 'journey-migration-'));
    onTestFinished(() => rmSync(directory, { recursive: true, force: true }));
    const path = join(directory, 'journey.db');
    firstVersionDatabase(path);
    const old = new BetterSqlite3(path, { readonly: true });
    const before = Object.fromEntries(OLD_TABLES.map((table) => [table, rowsOf(old, table)]));
    old.close();
    expect(before.customers).toHaveLength(2);

    const { sqlite } = openDatabase(path);
    onTestFinished(() => {
      sqlite.close();
    });
    for (const table of OLD_TABLES) expect(rowsOf(sqlite, table), table).toEqual(before[table]);
    const tables = sqlite
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((row) => row.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'journeys',
        'journey_versions',
        'instances',
        'api_keys',
        'audit_log',
        'approval_requests',
      ]),
    );
    const applied = sqlite.prepare('SELECT COUNT(*) AS count FROM "__drizzle_migrations"').get();
    expect(applied).toEqual({ count: journal.entries.length });
    expect(sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});
