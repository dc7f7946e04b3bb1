import fp from 'fastify-plugin';
import { type Database, type DatabaseSync, openDatabase, type SqliteHandle } from '../db/client';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    sqlite: SqliteHandle;
  }
}

export interface DbPluginOptions {
  /** A file path, or ':memory:' for a throw-away database. */
  databasePath: string;
  sync?: DatabaseSync;
}

/** Opens and migrates the database at start; closes it after the server has stopped taking requests. */
export default fp<DbPluginOptions>(
  async (app, { databasePath, sync }) => {
    const { db, sqlite } = openDatabase(databasePath, sync);
    app.decorate('db', db);
    app.decorate('sqlite', sqlite);
    app.addHook('onClose', async () => {
      sqlite.close();
    });
  },
  { name: 'db' },
);
