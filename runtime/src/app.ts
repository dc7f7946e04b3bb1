import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ChannelAdapters } from './channels/adapters';
import { type Clock, systemClock } from './clock';
import db from './plugins/db';
import designer from './plugins/designer';
import engine from './plugins/engine';
import errors from './plugins/errors';
import openapi from './plugins/openapi';
import stores from './plugins/stores';
import adminRoutes from './routes/admin';
import benefitRoutes from './routes/benefits';
import customerImportRoutes from './routes/customer-import';
import customerRoutes from './routes/customers';
import eventRoutes from './routes/events';
import healthRoutes from './routes/health';
import instanceRoutes from './routes/instances';
import journeyRoutes from './routes/journeys';
import segmentRoutes from './routes/segments';

declare module 'fastify' {
  interface FastifyInstance {
    clock: Clock;
  }
}

export interface AppOptions {
  /** SQLite file, created and migrated if needed; ':memory:' for a throw-away database. */
  databasePath: string;
  clock?: Clock;
  logger?: boolean;
  /** Channel adapters by channel; channels without one only record their messages. */
  channels?: ChannelAdapters;
  /** How often due timers and messages are processed in the background; 0 turns the loop off (tests). */
  pollIntervalMs?: number;
  /** The designer's production build to serve at `/`, if any. */
  designerRoot?: string;
}

/** JSON bodies above this are refused with 413; bulk data goes through the streamed import instead. */
const JSON_BODY_LIMIT = 10 * 1024 * 1024;

/** Builds the whole application without listening, so tests can drive it with `inject()`. */
export async function buildApp({
  databasePath,
  clock = systemClock,
  logger = false,
  channels,
  pollIntervalMs = 1_000,
  designerRoot,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: JSON_BODY_LIMIT,
    // Ids in paths may be up to 128 characters, more once percent-encoded; the schemas enforce the real limits.
    routerOptions: { maxParamLength: 512 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON (and the import route its own file formats); plain text is a 415, not a string body.
  app.removeContentTypeParser('text/plain');
  app.decorate('clock', clock);

  await app.register(errors);
  await app.register(openapi);
  await app.register(db, { databasePath });
  await app.register(stores);
  await app.register(engine, { pollIntervalMs, ...(channels ? { channels } : {}) });

  await app.register(healthRoutes);
  await app.register(customerRoutes);
  await app.register(customerImportRoutes);
  await app.register(segmentRoutes);
  await app.register(eventRoutes);
  await app.register(journeyRoutes);
  await app.register(instanceRoutes);
  await app.register(benefitRoutes);
  await app.register(adminRoutes);
  if (designerRoot) await app.register(designer, { root: designerRoot });
  return app;
}
