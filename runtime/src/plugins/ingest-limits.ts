import rateLimit from '@fastify/rate-limit';
import type { onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { isIngestion, requiredPermission } from '../auth/policy';

export interface IngestLimitOptions {
  /** Requests per key (per client address without auth) per minute on each ingestion route; unset: unlimited. */
  perMinute?: number;
  /** Ingestion requests handled at once; more are refused with 503 instead of piling up in memory. Unset: unbounded. */
  maxInFlight?: number;
}

/** What a refused client is told to wait, in seconds: in-flight requests finish within about this long. */
const BUSY_RETRY_AFTER_S = 1;

/**
 * Guards the ingestion routes (what ingest keys may call, per the access policy): a per-key rate limit (429 with
 * Retry-After) and backpressure (503 with Retry-After once too many requests are in progress).
 */
export default fp<IngestLimitOptions>(
  async (app, { perMinute, maxInFlight }) => {
    const guards: onRequestHookHandler[] = [];
    if (perMinute !== undefined) {
      await app.register(rateLimit, { global: false });
      guards.push(
        app.rateLimit({
          max: perMinute,
          timeWindow: 60_000,
          // The auth hook (an instance-level hook, so it runs before these route hooks) has named the caller.
          keyGenerator: (request) => request.principal?.keyId ?? request.ip,
        }),
      );
    }
    if (maxInFlight !== undefined) {
      let inFlight = 0;
      guards.push(async (request, reply) => {
        if (inFlight >= maxInFlight) {
          request.log.warn({ inFlight }, 'ingestion busy, request refused');
          return reply
            .code(503)
            .header('retry-after', String(BUSY_RETRY_AFTER_S))
            .send({ error: 'Service Unavailable', message: `Ingestion is busy; retry in ${BUSY_RETRY_AFTER_S} s` });
        }
        inFlight++;
        // 'close' fires once the response is done or the client went away, whichever comes first.
        reply.raw.once('close', () => {
          inFlight--;
        });
      });
    }
    if (guards.length === 0) return;
    app.addHook('onRoute', (route) => {
      if (![route.method].flat().some((method) => isIngestion(requiredPermission(method, route.url)))) return;
      route.onRequest = [...[route.onRequest ?? []].flat(), ...guards];
    });
  },
  { name: 'ingest-limits', dependencies: ['auth'] },
);
