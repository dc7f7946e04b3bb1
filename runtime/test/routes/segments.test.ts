import type { Condition } from '@journey/shared';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildTestApp, START } from '../helpers';

async function createSegment(app: FastifyInstance, condition: Condition, name = 'Seniors') {
  const response = await app.inject({ method: 'POST', url: '/v1/segments', payload: { name, condition } });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string };
}

/** Customers c01…c10 aged 21…30; the even ones are tagged payroll. */
async function seedCustomers(app: FastifyInstance): Promise<void> {
  const csv = [
    'id,age,tags',
    ...Array.from({ length: 10 }, (_, i) => `c${String(i + 1).padStart(2, '0')},${21 + i},${i % 2 ? 'payroll' : ''}`),
  ];
  const response = await app.inject({
    method: 'POST',
    url: '/v1/customers/import?idColumn=id',
    headers: { 'content-type': 'text/csv' },
    payload: csv.join('\n'),
  });
  expect(response.json()).toMatchObject({ imported: 10, rejected: [] });
}

describe('segments', () => {
  it('creates, reads and lists segments', async () => {
    const { app } = await buildTestApp();
    const condition: Condition = { all: [{ attr: 'age', op: 'gte', value: 60 }, { hasTag: 'payroll' }] };
    const created = await createSegment(app, condition);
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Seniors',
      condition,
      createdAt: new Date(START).toISOString(),
    });

    const read = await app.inject({ method: 'GET', url: `/v1/segments/${created.id}` });
    expect(read.json()).toEqual(created);
    const listed = await app.inject({ method: 'GET', url: '/v1/segments' });
    expect(listed.json()).toEqual({ segments: [created] });
  });

  it('counts the customers the condition selects now', async () => {
    const { app } = await buildTestApp();
    await seedCustomers(app);
    const segment = await createSegment(app, { all: [{ attr: 'age', op: 'gte', value: 25 }, { hasTag: 'payroll' }] });
    const count = async () => (await app.inject({ method: 'GET', url: `/v1/segments/${segment.id}/count` })).json();
    expect(await count()).toEqual({ count: 3 }); // c06, c08, c10

    await app.inject({ method: 'POST', url: '/v1/customers/c05/tags', payload: { tags: ['payroll'] } });
    expect(await count()).toEqual({ count: 4 });
  });

  it('pages through the matching customers in id order', async () => {
    const { app } = await buildTestApp();
    await seedCustomers(app);
    const segment = await createSegment(app, { hasTag: 'payroll' });
    const url = `/v1/segments/${segment.id}/customers`;

    const first = (await app.inject({ method: 'GET', url: `${url}?limit=2` })).json();
    expect(first.customers.map((c: { id: string }) => c.id)).toEqual(['c02', 'c04']);
    expect(first.nextCursor).toBe('c04');

    const rest = (await app.inject({ method: 'GET', url: `${url}?limit=3&cursor=${first.nextCursor}` })).json();
    expect(rest.customers.map((c: { id: string }) => c.id)).toEqual(['c06', 'c08', 'c10']);
    expect(rest.nextCursor).toBeNull();
  });

  it('scans customer bases larger than one read of the store', async () => {
    const { app } = await buildTestApp();
    const rows = Array.from({ length: 1201 }, (_, i) => String(i));
    await app.inject({
      method: 'POST',
      url: '/v1/customers/import',
      headers: { 'content-type': 'text/csv' },
      payload: ['n', ...rows].join('\n'),
    });
    const segment = await createSegment(app, { attr: 'n', op: 'gte', value: 0 });
    const url = `/v1/segments/${segment.id}`;

    expect((await app.inject({ method: 'GET', url: `${url}/count` })).json()).toEqual({ count: 1201 });
    const first = (await app.inject({ method: 'GET', url: `${url}/customers?limit=1000` })).json();
    const second = (
      await app.inject({ method: 'GET', url: `${url}/customers?limit=1000&cursor=${first.nextCursor}` })
    ).json();
    expect([first.customers.length, second.customers.length, second.nextCursor]).toEqual([1000, 201, null]);
  });

  it('names the field of a condition that does not fit the schema', async () => {
    const { app } = await buildTestApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/segments',
      payload: { name: 'Broken', condition: { any: [{ hasTag: 'vip' }, { attr: 'age', op: 'older', value: 3 }] } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([{ path: 'body.condition.any.1.op', message: expect.any(String) }]);
  });

  it('refuses event properties, which are not in scope for a segment', async () => {
    const { app } = await buildTestApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/segments',
      payload: { name: 'Spenders', condition: { all: [{ event: 'amount', op: 'gte', value: 99 }] } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([
      { path: 'body.condition.all.0', message: expect.stringContaining('event') },
    ]);
  });

  it('previews how many customers a condition selects now, without saving a segment', async () => {
    const { app } = await buildTestApp();
    await seedCustomers(app);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/segments/preview',
      payload: { condition: { all: [{ attr: 'age', op: 'gte', value: 25 }, { hasTag: 'payroll' }] } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ count: 3 }); // c06, c08, c10
    expect((await app.inject({ method: 'GET', url: '/v1/segments' })).json()).toEqual({ segments: [] });
  });

  it('names the field of a previewed condition that a segment cannot hold', async () => {
    const { app } = await buildTestApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/segments/preview',
      payload: { condition: { any: [{ hasTag: 'vip' }, { event: 'amount', op: 'gte', value: 99 }] } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([
      { path: 'body.condition.any.1', message: expect.stringContaining('event') },
    ]);
  });

  it('rejects a page size over 1000', async () => {
    const { app } = await buildTestApp();
    const segment = await createSegment(app, { hasTag: 'vip' });
    const response = await app.inject({ method: 'GET', url: `/v1/segments/${segment.id}/customers?limit=1001` });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues[0].path).toBe('querystring.limit');
  });

  it.each(['', '/count', '/customers'])('answers 404 for an unknown segment at /v1/segments/:id%s', async (suffix) => {
    const { app } = await buildTestApp();
    const response = await app.inject({ method: 'GET', url: `/v1/segments/nope${suffix}` });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'Not Found', message: 'Segment nope not found' });
  });
});
