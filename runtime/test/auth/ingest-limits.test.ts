import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { bearer, buildAuthApp, createKey } from './helpers';

const event = (eventId: string) => ({ eventId, customerId: 'c1', type: 'app.login' });

describe('ingestion limits', () => {
  it('answers 429 with Retry-After once a key has used its requests for the minute, per key', async () => {
    const { app } = await buildAuthApp({}, { ingestLimits: { perMinute: 2 } });
    const first = await createKey(app, 'ingest', 'core-banking');
    const second = await createKey(app, 'ingest', 'card-system');
    const post = (key: string, eventId: string) =>
      app.inject({ method: 'POST', url: '/v1/events', headers: bearer(key), payload: event(eventId) });

    expect((await post(first, 'e1')).statusCode).toBe(202);
    expect((await post(first, 'e2')).statusCode).toBe(202);
    const limited = await post(first, 'e3');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toEqual({ error: 'Too Many Requests', message: expect.stringContaining('retry in') });

    expect((await post(second, 'e4')).statusCode).toBe(202);
    const reads = await createKey(app, 'supervisor');
    for (let index = 0; index < 3; index++) {
      expect((await app.inject({ method: 'GET', url: '/v1/journeys', headers: bearer(reads) })).statusCode).toBe(200);
    }
  });

  it('sheds load with 503 and Retry-After while too many ingestion requests are in progress', async () => {
    const { app } = await buildAuthApp({}, { ingestLimits: { maxInFlight: 1 } });
    const key = await createKey(app, 'ingest');
    // An import whose body is still arriving holds its place until it ends.
    const body = new PassThrough();
    body.write('id,age\nc1,30\n');
    const importing = app.inject({
      method: 'POST',
      url: '/v1/customers/import?idColumn=id',
      headers: { ...bearer(key), 'content-type': 'text/csv' },
      payload: body,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));

    const refused = await app.inject({ method: 'POST', url: '/v1/events', headers: bearer(key), payload: event('e1') });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json()).toEqual({ error: 'Service Unavailable', message: expect.stringContaining('busy') });

    body.end('c2,40\n');
    expect((await importing).json()).toMatchObject({ imported: 2 });
    const accepted = await app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: bearer(key),
      payload: event('e1'),
    });
    expect(accepted.statusCode).toBe(202);
  });
});
