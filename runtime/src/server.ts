import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { buildApp } from './app';
import { isLoopbackHost } from './auth/loopback';
import { parseChannelConfig } from './channels/config';
import { ManualClock, systemClock } from './clock';

const envSchema = z
  .object({
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    JOURNEY_DB: z.string().min(1).default('./data/journey.db'),
    // "full": every acknowledged write survives a power loss; "normal" trades that for speed (README: Performance).
    JOURNEY_DB_SYNC: z.enum(['full', 'normal']).default('full'),
    JOURNEY_CLOCK: z.enum(['system', 'manual']).default('system'),
    JOURNEY_DESIGNER_DIST: z
      .string()
      .min(1)
      .default(fileURLToPath(new URL('../../designer/dist', import.meta.url))),
    // e.g. `sms=webhook:https://sms-gateway.bank/send,*=log`; unset, every channel only records its messages.
    JOURNEY_CHANNELS: z
      .string()
      .default('')
      .transform((setting, context) => {
        const channels = parseChannelConfig(setting);
        if (channels.ok) return channels.adapters;
        for (const problem of channels.problems) context.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }),
    // "off" makes every request an admin: only for a local demo, so only on a loopback HOST.
    JOURNEY_AUTH: z.enum(['on', 'off']).default('on'),
    // The first admin key; unset, one is generated and printed at first start. Ignored once an admin key exists.
    JOURNEY_ADMIN_KEY: z.string().min(32, 'use at least 32 random characters').optional(),
    // "on": every publish needs a second person's approval, whatever PUT /v1/admin/settings says.
    JOURNEY_MAKER_CHECKER: z.enum(['on', 'off']).default('off'),
    // "on": publishing sends only approved creative text, whatever PUT /v1/admin/settings says.
    JOURNEY_CREATIVE_APPROVAL: z.enum(['on', 'off']).default('off'),
    // Requests per minute per key on each ingestion route (events, customer writes, imports); 0: no limit.
    JOURNEY_INGEST_RATE_LIMIT: z.coerce
      .number()
      .int()
      .min(0)
      .default(12_000)
      .transform((perMinute) => (perMinute === 0 ? undefined : perMinute)),
    // Ingestion requests in progress at once; more are refused with 503 and Retry-After.
    JOURNEY_INGEST_MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(256),
  })
  .refine((env) => env.JOURNEY_AUTH === 'on' || isLoopbackHost(env.HOST), {
    path: ['JOURNEY_AUTH'],
    message: 'authentication can only be off when HOST is a loopback address (127.0.0.1, ::1 or localhost)',
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
  databaseSync: env.JOURNEY_DB_SYNC,
  clock: env.JOURNEY_CLOCK === 'manual' ? new ManualClock() : systemClock,
  logger: true,
  channels: env.JOURNEY_CHANNELS,
  designerRoot: env.JOURNEY_DESIGNER_DIST,
  auth: {
    enabled: env.JOURNEY_AUTH === 'on',
    adminKey: env.JOURNEY_ADMIN_KEY,
    makerChecker: env.JOURNEY_MAKER_CHECKER === 'on',
    creativeApproval: env.JOURNEY_CREATIVE_APPROVAL === 'on',
  },
  ingestLimits: { perMinute: env.JOURNEY_INGEST_RATE_LIMIT, maxInFlight: env.JOURNEY_INGEST_MAX_IN_FLIGHT },
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
