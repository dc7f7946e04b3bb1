import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { buildApp } from './app';
import { ManualClock, systemClock } from './clock';

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  JOURNEY_DB: z.string().min(1).default('./data/journey.db'),
  JOURNEY_CLOCK: z.enum(['system', 'manual']).default('system'),
  JOURNEY_DESIGNER_DIST: z
    .string()
    .min(1)
    .default(fileURLToPath(new URL('../../designer/dist', import.meta.url))),
});

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  console.error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  process.exit(1);
}
const env = parsed.data;

if (env.JOURNEY_DB !== ':memory:') mkdirSync(dirname(env.JOURNEY_DB), { recursive: true });

const app = await buildApp({
  databasePath: env.JOURNEY_DB,
  clock: env.JOURNEY_CLOCK === 'manual' ? new ManualClock() : systemClock,
  logger: true,
  designerRoot: env.JOURNEY_DESIGNER_DIST,
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info(`${signal} received, shutting down`);
    // close() stops accepting connections, drains in-flight requests, then runs onClose hooks (the database last).
    app.close().catch((error: unknown) => {
      app.log.error({ err: error }, 'shutdown failed');
      process.exitCode = 1;
    });
  });
}

await app.listen({
  host: env.HOST,
  port: env.PORT,
  listenTextResolver: (address) => `Journey runtime listening on ${address}`,
});
