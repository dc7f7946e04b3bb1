import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ChannelAdapters } from './channels/adapters';
import { type Clock, systemClock } from './clock';
import type { DatabaseSync } from './db/client';
import approvals from './plugins/approvals';
import auth, { type AuthOptions } from './plugins/auth';
import db from './plugins/db';
import designer from './plugins/designer';
import engine from './plugins/engine';
import errors from './plugins/errors';
import ingestLimits, { type IngestLimitOptions } from './plugins/ingest-limits';
import jsonBody from './plugins/json-body';
import live from './plugins/live';
import metrics from './plugins/metrics';
import openapi from './plugins/openapi';
import operations, { type OperationsOptions } from './plugins/operations';
import stores from './plugins/stores';
import adminRoutes from './routes/admin';
import approvalRoutes from './routes/approvals';
import auditRoutes from './routes/audit';
import authRoutes from './routes/auth';
import benefitRoutes from './routes/benefits';
import creativeRoutes from './routes/creatives';
import customerImportRoutes from './routes/customer-import';
import customerRoutes from './routes/customers';
import eventRoutes from './routes/events';
import healthRoutes from './routes/health';
import instanceRoutes from './routes/instances';
import journeyRoutes from './routes/journeys';
import metricRoutes from './routes/metrics';
import orgRoutes from './routes/org';
import roiRoutes from './routes/roi';
import segmentRoutes from './routes/segments';
import taskRoutes from './routes/tasks';
import templateRoutes from './routes/templates';

declare module 'fastify' {
  interface FastifyInstance {
    clock: Clock;
  }
}

export interface AppOptions {
  /** SQLite file, created and migrated if needed; ':memory:' for a throw-away database. */
  databasePath: string;
  /** When commits reach the disk: `full` (default) survives power loss, `normal` only a process crash. */
  databaseSync?: DatabaseSync;
  clock?: Clock;
  logger?: boolean;
  /** Channel adapters by channel; channels without one only record their messages. */
  channels?: ChannelAdapters;
  /** How often due timers and messages are processed in the background; 0 turns the loop off (tests). */
  pollIntervalMs?: number;
  /** The designer's production build to serve at `/`, if any. */
  designerRoot?: string;
  /** API keys, sessions and roles; on unless `enabled: false` (which the server allows only on loopback). */
  auth?: AuthOptions;
  /** Per-key rate limits and load shedding on ingestion routes; none unless set. */
  ingestLimits?: IngestLimitOptions;
  /** Staff tasks and referral attribution settings (due time, customer card, referral window). */
  operations?: OperationsOptions;
}

/** JSON bodies above this are refused with 413; bulk data goes through the streamed import instead. */
const JSON_BODY_LIMIT = 10 * 1024 * 1024;

/** Builds the whole application without listening, so tests can drive it with `inject()`. */
export async function buildApp({
  databasePath,
  databaseSync,
  clock = systemClock,
  logger = false,
  channels,
  pollIntervalMs = 1_000,
  designerRoot,
  auth: authOptions = {},
  ingestLimits: ingestLimitOptions = {},
  operations: operationsOptions = {},
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
  await app.register(jsonBody);
  await app.register(db, { databasePath, ...(databaseSync ? { sync: databaseSync } : {}) });
  // Before any route, so its hooks see every route (the docs' too) and the policy covers them all.
  await app.register(auth, authOptions);
  await app.register(ingestLimits, ingestLimitOptions);
  await app.register(openapi);
  await app.register(stores);
  await app.register(metrics);
  await app.register(operations, operationsOptions);
  await app.register(engine, { pollIntervalMs, ...(channels ? { channels } : {}) });
  await app.register(live);
  await app.register(approvals);

  await app.register(healthRoutes);
  await app.register(customerRoutes);
  await app.register(customerImportRoutes);
  await app.register(segmentRoutes);
  await app.register(eventRoutes);
  await app.register(journeyRoutes);
  await app.register(creativeRoutes);
  await app.register(templateRoutes);
  await app.register(metricRoutes);
  await app.register(instanceRoutes);
  await app.register(benefitRoutes);
  await app.register(taskRoutes);
  await app.register(orgRoutes);
  await app.register(roiRoutes);
  await app.register(adminRoutes);
  await app.register(authRoutes);
  await app.register(approvalRoutes);
  await app.register(auditRoutes);
  if (designerRoot) await app.register(designer, { root: designerRoot });
  return app;
}
