import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { expectHandled, FuzzTally, nestedArrays, seededApp, toJsonText } from './harness';

/** The hostile inputs the fuzzer found or must always cover, each pinned down with its expected answer. */

const tally = new FuzzTally();
const json = { 'content-type': 'application/json' };

async function post(app: FastifyInstance, url: string, body: unknown, method: 'POST' | 'PUT' = 'POST') {
  return expectHandled(app, { method, url, payload: toJsonText(body), headers: json }, tally);
}

describe('limits and hostile bodies', () => {
  afterAll(() => console.log(tally.summary('limits')));

  it('refuses 10,000 levels of nesting anywhere with a 400 naming the field', async () => {
    const app = await seededApp();
    const notNested = (depth: number) =>
      `${'{"not":'.repeat(depth)}{"attr":"age","op":"gt","value":1}${'}'.repeat(depth)}`;
    const deep = nestedArrays(10_000);
    const cases: Array<[string, 'POST' | 'PUT', string, string]> = [
      [
        '/v1/events',
        'POST',
        `{"eventId":"d","customerId":"c1","type":"x","properties":{"a":${deep}}}`,
        'body.properties.a',
      ],
      ['/v1/customers/c1', 'PUT', `{"attributes":{"a":${deep}}}`, 'body.attributes.a'],
      ['/v1/segments', 'POST', `{"name":"deep","condition":{"not":${deep}}}`, 'body.condition.not'],
      ['/v1/segments', 'POST', `{"name":"deep","condition":${notNested(5_000)}}`, 'body.condition.not'],
      [
        '/v1/journeys',
        'POST',
        `{"schemaVersion":1,"settings":{"exitWhen":{"where":${notNested(5_000)}}}}`,
        'body.settings',
      ],
    ];
    for (const [url, method, body, field] of cases) {
      const response = await expectHandled(app, { method, url, payload: body, headers: json }, tally);
      expect(response.statusCode, url).toBe(400);
      const [issue] = (response.json() as { issues: Array<{ path: string; message: string }> }).issues;
      expect(issue?.path.startsWith(field), `${url}: ${issue?.path}`).toBe(true);
      expect(issue?.message).toBe('nested deeper than 64 levels');
    }
    // The designer's deepest real condition is far below the limit.
    const nested = `{"name":"nested","condition":${notNested(30)}}`;
    expect(
      (await expectHandled(app, { method: 'POST', url: '/v1/segments', payload: nested, headers: json }, tally))
        .statusCode,
    ).toBe(201);
  });

  it('rejects a too-deep NDJSON import row and keeps the others', async () => {
    const app = await seededApp();
    const rows = [`{"id":"n1","attributes":{"a":${nestedArrays(10_000)}}}`, '{"id":"n2","attributes":{"age":30}}'];
    const response = await expectHandled(
      app,
      {
        method: 'POST',
        url: '/v1/customers/import?idColumn=id',
        payload: rows.join('\n'),
        headers: { 'content-type': 'application/x-ndjson' },
      },
      tally,
    );
    expect(response.json()).toMatchObject({ imported: 1, updated: 0, rejected: [{ row: 1 }] });
    const [rejected] = (response.json() as { rejected: Array<{ message: string }> }).rejected;
    expect(rejected?.message).toMatch(/^attributes\.a(\.0)+: nested deeper than 64 levels$/);
  });

  it('answers an import without a body or content type with 415', async () => {
    const app = await seededApp();
    const response = await expectHandled(app, { method: 'POST', url: '/v1/customers/import' }, tally);
    expect(response.statusCode).toBe(415);
  });

  it('answers bodies over 10 MB with 413, and batches over 1000 events with 400', async () => {
    const app = await seededApp();
    const oversized = await post(
      app,
      '/v1/customers/c1',
      { attributes: { blob: 'x'.repeat(10 * 1024 * 1024) } },
      'PUT',
    );
    expect(oversized.statusCode).toBe(413);

    const batch = (size: number) =>
      Array.from({ length: size }, (_, index) => ({
        eventId: `b${size}-${index}`,
        customerId: 'c1',
        type: 'app.login',
      }));
    const tooMany = await post(app, '/v1/events', { events: batch(1001) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ issues: [{ path: 'body.events' }] });
    expect((await post(app, '/v1/events', { events: batch(1000) })).json()).toEqual({ accepted: 1000, duplicates: 0 });
  });

  it('takes 1 MB and unicode values where the schema allows them, and refuses them where it does not', async () => {
    const app = await seededApp();
    const megabyte = '💳'.repeat(256 * 1024);
    const event = { eventId: 'big', customerId: '客户-001', type: 'app.login', properties: { note: megabyte } };
    expect((await post(app, '/v1/events', event)).statusCode).toBe(202);
    expect((await post(app, '/v1/events', { ...event, eventId: megabyte })).json()).toMatchObject({
      issues: [{ path: 'body.eventId' }],
    });
    const customer = await expectHandled(
      app,
      { method: 'GET', url: `/v1/customers/${encodeURIComponent('客户-001')}` },
      tally,
    );
    expect(customer.json()).toMatchObject({ id: '客户-001' });
  });

  it('refuses event times past the year 9999, which no date code can show', async () => {
    const app = await seededApp();
    const activated = { customerId: 'late', type: 'card_activated' };
    const tooLate = await post(app, '/v1/events', {
      ...activated,
      eventId: 'late-1',
      timestamp: 9_007_199_254_740_991,
    });
    expect(tooLate.json()).toMatchObject({ issues: [{ path: 'body.timestamp' }] });
    const latest = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    expect((await post(app, '/v1/events', { ...activated, eventId: 'late-2', timestamp: latest })).statusCode).toBe(
      202,
    );
    const journeys = await expectHandled(app, { method: 'GET', url: '/v1/customers/late/journeys' }, tally);
    expect(journeys.json()).toMatchObject({ instances: [{ enteredAt: '9999-12-31T23:59:59.999Z' }] });
  });

  it('refuses to move the manual clock past the year 9999', async () => {
    const app = await seededApp();
    for (const [body, field] of [
      [{ advance: 'P99999999Y' }, 'body.advance'],
      [{ advance: 'P8000Y' }, 'body.advance'],
      [{ to: '9999-12-31T23:59:59-14:00' }, 'body.to'],
    ] as const) {
      const response = await post(app, '/v1/admin/clock', body);
      expect(response.json(), JSON.stringify(body)).toMatchObject({ issues: [{ path: field }] });
    }
    expect((await post(app, '/v1/admin/clock', { advance: 'P1D' })).statusCode).toBe(200);
  });
});
