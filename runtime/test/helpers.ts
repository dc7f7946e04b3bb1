import type { FastifyInstance } from 'fastify';
import { onTestFinished } from 'vitest';
import { type AppOptions, buildApp } from '../src/app';
import { ManualClock } from '../src/clock';

export const START = Date.parse('2025-03-01T08:00:00.000Z');

/**
 * A fresh app on an in-memory database with a manual clock at {@link START}, closed when the test ends.
 * Authentication is off unless the test passes `auth` (tests of access control live in test/auth).
 */
export async function buildTestApp(
  options: Partial<AppOptions> = {},
): Promise<{ app: FastifyInstance; clock: ManualClock }> {
  const clock = new ManualClock(START);
  const app = await buildApp({
    databasePath: ':memory:',
    clock,
    pollIntervalMs: 0,
    auth: { enabled: false },
    ...options,
  });
  onTestFinished(() => app.close());
  return { app, clock };
}
