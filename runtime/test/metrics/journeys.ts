import { buildJourney } from '@journey/shared';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

/** Builders and calls the metrics tests share: journeys as [id, type, config] nodes and [source, handle, target] edges. */

/** Creates the journey (or replaces its draft) and publishes it. */
export async function publish(app: FastifyInstance, document: { id: string }): Promise<void> {
  const exists = (await app.inject({ url: `/v1/journeys/${document.id}` })).statusCode === 200;
  const saved = exists
    ? await app.inject({ method: 'PUT', url: `/v1/journeys/${document.id}`, payload: document })
    : await app.inject({ method: 'POST', url: '/v1/journeys', payload: document });
  expect(saved.statusCode, saved.body).toBeLessThan(300);
  const published = await app.inject({ method: 'POST', url: `/v1/journeys/${document.id}/publish` });
  expect(published.statusCode, published.body).toBe(201);
}

export async function sendEvents(
  app: FastifyInstance,
  events: ReadonlyArray<{ eventId: string; customerId: string; type: string }>,
): Promise<void> {
  const response = await app.inject({ method: 'POST', url: '/v1/events', payload: { events } });
  expect(response.statusCode, response.body).toBe(202);
}

export async function advanceClock(app: FastifyInstance, duration: string): Promise<void> {
  const response = await app.inject({ method: 'POST', url: '/v1/admin/clock', payload: { advance: duration } });
  expect(response.statusCode, response.body).toBe(200);
}

export async function getJson<T>(app: FastifyInstance, url: string): Promise<T> {
  const response = await app.inject({ url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

/** trigger on `signup` → a 50/50 split → exit per variant: the smallest journey with an experiment. */
export const signupSplit = (id: string, plannedSamplePerVariant?: number) =>
  buildJourney(
    id,
    [
      ['t', 'trigger', { kind: 'event', event: 'signup' }],
      [
        's',
        'split',
        {
          variants: [
            { id: 'A', weight: 50, control: true },
            { id: 'B', weight: 50 },
          ],
          ...(plannedSamplePerVariant ? { plannedSamplePerVariant } : {}),
        },
      ],
      ['wa', 'waitForEvent', { event: 'purchase', within: 'P30D' }],
      ['wb', 'waitForEvent', { event: 'purchase', within: 'P30D' }],
      ['x', 'exit', {}],
    ],
    [
      ['t', 'next', 's'],
      ['s', 'A', 'wa'],
      ['s', 'B', 'wb'],
      ['wa', 'matched', 'x'],
      ['wa', 'timeout', 'x'],
      ['wb', 'matched', 'x'],
      ['wb', 'timeout', 'x'],
    ],
    { goal: { event: 'purchase', exitOnGoal: false } },
  );
