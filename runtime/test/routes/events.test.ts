import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../src/events/ingest';
import { buildTestApp, START } from '../helpers';

const postEvents = (app: FastifyInstance, payload: object) =>
  app.inject({ method: 'POST', url: '/v1/events', payload });

const event = (eventId: string, fields: object = {}) => ({ eventId, customerId: 'c1', type: 'card.spend', ...fields });

/** Records what the ingestion hands to its sinks, the way the executor receives events. */
function recordSink(app: FastifyInstance): StoredEvent[][] {
  const batches: StoredEvent[][] = [];
  app.eventIngestion.addSink((stored) => batches.push([...stored]));
  return batches;
}

describe('POST /v1/events', () => {
  it('accepts a single event and creates its unknown customer with an empty profile', async () => {
    const { app } = await buildTestApp();
    const response = await postEvents(app, event('e1', { properties: { amount: 120 } }));
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: 1, duplicates: 0 });

    const customer = await app.inject({ method: 'GET', url: '/v1/customers/c1' });
    expect(customer.json()).toMatchObject({ id: 'c1', attributes: {}, tags: [] });
  });

  it('ignores duplicate eventIds within a batch and across requests', async () => {
    const { app } = await buildTestApp();
    const first = await postEvents(app, { events: [event('e1'), event('e2'), event('e1')] });
    expect(first.json()).toEqual({ accepted: 2, duplicates: 1 });
    const second = await postEvents(app, { events: [event('e2'), event('e3')] });
    expect(second.json()).toEqual({ accepted: 1, duplicates: 1 });
  });

  it('hands only newly stored events to the sinks, with times in epoch milliseconds', async () => {
    const { app } = await buildTestApp();
    const batches = recordSink(app);
    await postEvents(app, event('e1'));
    await postEvents(app, {
      events: [
        event('e1'),
        event('e2', { timestamp: '2025-03-01T10:00:00+02:00' }),
        event('e3', { timestamp: 1_700_000_000_000, properties: { amount: 99 } }),
      ],
    });
    expect(batches).toEqual([
      [{ eventId: 'e1', customerId: 'c1', type: 'card.spend', timestamp: START, properties: {}, receivedAt: START }],
      [
        expect.objectContaining({ eventId: 'e2', timestamp: Date.parse('2025-03-01T08:00:00Z') }),
        expect.objectContaining({ eventId: 'e3', timestamp: 1_700_000_000_000, properties: { amount: 99 } }),
      ],
    ]);
  });

  it('rolls the whole batch back when a sink fails, so the client can retry the same events', async () => {
    const { app } = await buildTestApp();
    let failNext = true;
    app.eventIngestion.addSink(() => {
      if (failNext) {
        failNext = false;
        throw new Error('executor unavailable');
      }
    });
    const batch = { events: [event('e1'), event('e2', { customerId: 'c2' })] };

    expect((await postEvents(app, batch)).statusCode).toBe(500);
    expect((await app.inject({ method: 'GET', url: '/v1/customers/c2' })).statusCode).toBe(404);

    const retry = await postEvents(app, batch);
    expect(retry.json()).toEqual({ accepted: 2, duplicates: 0 });
  });

  it('names the invalid field of an event in a batch', async () => {
    const { app } = await buildTestApp();
    const events = [event('e0'), event('e1'), event('e2'), { ...event('e3'), type: 42 }];
    const response = await postEvents(app, { events });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: 'Bad Request',
      message: 'body.events.3.type: Invalid input: expected string, received number',
      issues: [{ path: 'body.events.3.type', message: 'Invalid input: expected string, received number' }],
    });
  });

  it('names the invalid field of a single event', async () => {
    const { app } = await buildTestApp();
    const response = await postEvents(app, event('e1', { timestamp: 'yesterday' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().issues.map((issue: { path: string }) => issue.path)).toEqual(['body.timestamp']);
  });

  it('accepts 1000 events in a batch but not 1001, nor none', async () => {
    const { app } = await buildTestApp();
    const events = (count: number) => Array.from({ length: count }, (_, i) => event(`e${i}`));

    const tooMany = await postEvents(app, { events: events(1001) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().issues).toEqual([{ path: 'body.events', message: expect.stringContaining('1000') }]);

    const empty = await postEvents(app, { events: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().issues[0].path).toBe('body.events');

    const full = await postEvents(app, { events: events(1000) });
    expect(full.json()).toEqual({ accepted: 1000, duplicates: 0 });
  });
});
