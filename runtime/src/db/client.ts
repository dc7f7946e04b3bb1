import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Database = BetterSQLite3Database<typeof schema>;
/** The transaction handle drizzle passes to `db.transaction(tx => …)`; better-sqlite3 transactions are synchronous. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type SqliteHandle = BetterSqlite3.Database;

export interface DatabaseConnection {
  db: Database;
  /** The raw better-sqlite3 handle, for hot paths that want their own prepared statements. */
  sqlite: SqliteHandle;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * When a commit reaches the disk. `full` syncs the WAL on every commit, so an acknowledged event survives a power
 * loss; `normal` syncs only at checkpoints: it survives a process crash but may lose the last commits when the
 * machine loses power (runtime/bench/durability.bench.ts measures the difference).
 */
export type DatabaseSync = 'full' | 'normal';

/** Opens (or creates) the database file, tunes SQLite for a single-writer server and applies pending migrations. */
export function openDatabase(path: string, sync: DatabaseSync = 'full'): DatabaseConnection {
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return { db, sqlite };
}
