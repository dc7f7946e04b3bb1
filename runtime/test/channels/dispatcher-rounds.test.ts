import { buildJourney } from '@journey/shared';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { ChannelAdapter, OutgoingMessage } from '../../src/channels/adapters';
import { buildTestApp } from '../helpers';

async function publish(app: FastifyInstance, document: ReturnType<typeof buildJourney>): Promise<void> {
  expect((await app.inject({ method: 'POST', url: '/v1/journeys', payload: document })).statusCode).toBe(201);
  expect((await app.inject({ method: 'POST', url: `/v1/journeys/${document.id}/publish` })).statusCode).toBe(201);
}

async function activate(app: FastifyInstance, customerIds: string[]): Promise<void> {
  const events = customerIds.map((customerId) => ({ eventId: `e-${customerId}`, customerId, type: 'card_activated' }));
  expect((await app.inject({ method: 'POST', url: '/v1/events', payload: { events } })).statusCode).toBe(202);
}

async function statuses(app: FastifyInstance): Promise<Record<string, string>> {
  const response = await app.inject({ method: 'GET', url: '/v1/messages' });
  const { messages } = response.json() as { messages: Array<{ nodeId: string; status: string }> };
  return Object.fromEntries(messages.map((message) => [message.nodeId, message.status]));
}

describe('message dispatch rounds', () => {
  it('counts a message sent earlier in the same round against the frequency cap', async () => {
    const delivered: OutgoingMessage[] = [];
    const { app } = await buildTestApp({
      channels: {
        sms: {
          send: async (message) => {
            delivered.push(message);
            return { ok: true };
          },
        },
      },
    });
    // Both messages are queued in the same step, so both are due at once for the same customer.
    await publish(
      app,
      buildJourney(
        'two-texts',
        [
          ['t', 'trigger', { kind: 'event', event: 'card_activated' }],
          ['first', 'message', { channel: 'sms', template: { body: 'First' } }],
          ['second', 'message', { channel: 'sms', template: { body: 'Second' } }],
          ['x', 'exit', {}],
        ],
        [
          ['t', 'next', 'first'],
          ['first', 'sent', 'second'],
          ['second', 'sent', 'x'],
        ],
        { frequencyCap: { count: 1, per: 'day', channel: 'sms' } },
      ),
    );
    await activate(app, ['c1']);
    await app.runDueWork();
    expect(delivered.map((message) => message.body)).toEqual(['First']);
    expect(await statuses(app)).toEqual({ first: 'sent', second: 'skipped' });
  });

  it('has several messages with a slow provider at once, never more than sixteen, and sends each once', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const keys: string[] = [];
    const slowGateway: ChannelAdapter = {
      send: async (message) => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        keys.push(message.idempotencyKey);
        inFlight -= 1;
        return { ok: true };
      },
    };
    const { app } = await buildTestApp({ channels: { sms: slowGateway } });
    await publish(
      app,
      buildJourney(
        'welcome-text',
        [
          ['t', 'trigger', { kind: 'event', event: 'card_activated' }],
          ['hello', 'message', { channel: 'sms', template: { body: 'Welcome' } }],
          ['x', 'exit', {}],
        ],
        [
          ['t', 'next', 'hello'],
          ['hello', 'sent', 'x'],
        ],
      ),
    );
    const customers = Array.from({ length: 40 }, (_, index) => `c${index}`);
    await activate(app, customers);
    await app.runDueWork();
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostInFlight).toBeLessThanOrEqual(16);
    expect(keys).toHaveLength(40);
    expect(new Set(keys).size).toBe(40);
  });
});
