import type { FastifyInstance } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildApp } from '../../src/app';
import { ManualClock } from '../../src/clock';

const MONDAY_10AM_SHANGHAI = Date.parse('2026-03-02T02:00:00.000Z');

async function startApp() {
  const app = await buildApp({
    databasePath: ':memory:',
    clock: new ManualClock(MONDAY_10AM_SHANGHAI),
    pollIntervalMs: 0,
    auth: { enabled: false },
  });
  onTestFinished(() => app.close());
  return app;
}

function journeyWith(id: string, trigger: Record<string, unknown>, reentry = 'never') {
  return {
    schemaVersion: 1,
    id,
    name: id,
    settings: { reentry, timezone: 'Asia/Shanghai' },
    nodes: [
      { id: 't', type: 'trigger', position: { x: 0, y: 0 }, config: trigger },
      { id: 'w', type: 'waitForEvent', position: { x: 240, y: 0 }, config: { event: 'purchase', within: 'P30D' } },
      { id: 'yes', type: 'exit', position: { x: 480, y: 0 }, config: {} },
      { id: 'no', type: 'exit', position: { x: 480, y: 120 }, config: {} },
    ],
    edges: [
      { id: 'e1', source: 't', sourceHandle: 'next', target: 'w' },
      { id: 'e2', source: 'w', sourceHandle: 'matched', target: 'yes' },
      { id: 'e3', source: 'w', sourceHandle: 'timeout', target: 'no' },
    ],
  };
}

async function putCustomer(app: FastifyInstance, id: string, attributes: Record<string, unknown>, tags: string[] = []) {
  const response = await app.inject({ method: 'PUT', url: `/v1/customers/${id}`, payload: { attributes, tags } });
  expect(response.statusCode).toBeLessThan(300);
}

async function publish(app: FastifyInstance, document: { id: string }) {
  expect((await app.inject({ method: 'POST', url: '/v1/journeys', payload: document })).statusCode).toBe(201);
  return app.inject({ method: 'POST', url: `/v1/journeys/${document.id}/publish` });
}

async function journeysOf(app: FastifyInstance, customerId: string): Promise<string[]> {
  const response = await app.inject({ url: `/v1/customers/${customerId}/journeys` });
  return (response.json() as { instances: Array<{ journeyId: string }> }).instances.map(
    (instance) => instance.journeyId,
  );
}

describe('entry by segment', () => {
  it('enters everyone matching on publish, then customers as they start matching, once', async () => {
    const app = await startApp();
    const segment = await app.inject({
      method: 'POST',
      url: '/v1/segments',
      payload: { name: 'Payroll', condition: { hasTag: 'payroll' } },
    });
    const segmentId = (segment.json() as { id: string }).id;
    await putCustomer(app, 'paid', { name: 'Wang' }, ['payroll']);
    await putCustomer(app, 'other', { name: 'Zhao' });

    expect((await publish(app, journeyWith('payroll', { kind: 'segment', segmentId }))).statusCode).toBe(201);
    await app.runDueWork();
    expect(await journeysOf(app, 'paid')).toEqual(['payroll']);
    expect(await journeysOf(app, 'other')).toEqual([]);

    await app.inject({ method: 'POST', url: '/v1/customers/other/tags', payload: { tags: ['payroll'] } });
    expect(await journeysOf(app, 'other')).toEqual(['payroll']);
    await putCustomer(app, 'paid', { salary: 9000 }, ['payroll']);
    expect(await journeysOf(app, 'paid')).toEqual(['payroll']);
  });

  it('enters a large customer base in chunks', async () => {
    const app = await startApp();
    const rows = Array.from({ length: 2_500 }, (_, index) =>
      JSON.stringify({ id: `c${index}`, age: 20 + (index % 50) }),
    );
    const imported = await app.inject({
      method: 'POST',
      url: '/v1/customers/import?idColumn=id',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: rows.join('\n'),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const segment = await app.inject({
      method: 'POST',
      url: '/v1/segments',
      payload: { name: 'Over 40', condition: { attr: 'age', op: 'gte', value: 40 } },
    });
    await publish(app, journeyWith('mature', { kind: 'segment', segmentId: (segment.json() as { id: string }).id }));
    await app.runDueWork();
    const entered = app.sqlite.prepare("SELECT COUNT(*) AS n FROM instances WHERE journey_id = 'mature'").get() as {
      n: number;
    };
    expect(entered.n).toBe(2_500 * (30 / 50));
  });

  it('refuses to publish a journey on a segment that does not exist', async () => {
    const app = await startApp();
    const response = await publish(app, journeyWith('ghost', { kind: 'segment', segmentId: 'nope' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([
      { path: 'draft.nodes.0.config.segmentId', message: 'segment "nope" does not exist; create it before publishing' },
    ]);
  });
});

describe('entry by schedule', () => {
  it('enters the audience each time the cron schedule comes due, in the journey time zone', async () => {
    const app = await startApp();
    await putCustomer(app, 'vip', {}, ['vip']);
    await putCustomer(app, 'regular', {});
    const schedule = { kind: 'schedule', cron: '0 10 * * 1', audience: { where: { hasTag: 'vip' } } };
    expect((await publish(app, journeyWith('weekly', schedule, 'afterExit'))).statusCode).toBe(201);
    await app.runDueWork();
    expect(await journeysOf(app, 'vip')).toEqual([]);

    await app.inject({ method: 'POST', url: '/v1/admin/clock', payload: { advance: 'P7D' } });
    expect(await journeysOf(app, 'vip')).toEqual(['weekly']);
    expect(await journeysOf(app, 'regular')).toEqual([]);

    // Still inside its first run a week later: no second instance; after it ends (P30D timeout) the next run enters again.
    await app.inject({ method: 'POST', url: '/v1/admin/clock', payload: { advance: 'P7D' } });
    expect(await journeysOf(app, 'vip')).toEqual(['weekly']);
    await app.inject({ method: 'POST', url: '/v1/admin/clock', payload: { advance: 'P28D' } });
    expect(await journeysOf(app, 'vip')).toEqual(['weekly', 'weekly']);
  });

  it('runs a one-off schedule once at its time', async () => {
    const app = await startApp();
    await putCustomer(app, 'c1', {});
    await publish(app, journeyWith('once', { kind: 'schedule', at: '2026-03-03T10:00:00+08:00' }, 'always'));
    await app.inject({ method: 'POST', url: '/v1/admin/clock', payload: { advance: 'P1D' } });
    expect(await journeysOf(app, 'c1')).toEqual(['once']);
    await app.inject({ method: 'POST', url: '/v1/admin/clock', payload: { advance: 'P60D' } });
    expect(await journeysOf(app, 'c1')).toEqual(['once']);
  });

  it('refuses a cron expression that does not parse', async () => {
    const app = await startApp();
    const response = await publish(app, journeyWith('bad-cron', { kind: 'schedule', cron: 'every monday' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([
      { path: 'draft.nodes.0.config.cron', message: expect.stringContaining('"every monday" is not a cron schedule') },
    ]);
  });
});
