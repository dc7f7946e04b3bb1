import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildTestApp, START } from '../helpers';

const putCustomer = (app: FastifyInstance, id: string, payload: object) =>
  app.inject({ method: 'PUT', url: `/v1/customers/${id}`, payload });
const getCustomer = async (app: FastifyInstance, id: string) =>
  (await app.inject({ method: 'GET', url: `/v1/customers/${id}` })).json();

describe('PUT /v1/customers/:id', () => {
  it('creates a customer with 201, then merges into the profile with 200', async () => {
    const { app, clock } = await buildTestApp();
    const created = await putCustomer(app, 'c-1', {
      attributes: { age: 41, segment: 'payroll', address: { city: 'Shanghai', district: 'Pudong' } },
      tags: ['vip', 'payroll', 'vip'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: 'c-1', created: true });
    expect(await getCustomer(app, 'c-1')).toEqual({
      id: 'c-1',
      attributes: { age: 41, segment: 'payroll', address: { city: 'Shanghai', district: 'Pudong' } },
      tags: ['vip', 'payroll'],
      createdAt: new Date(START).toISOString(),
      updatedAt: new Date(START).toISOString(),
    });

    clock.advance(60_000);
    const merged = await putCustomer(app, 'c-1', {
      attributes: { age: 42, segment: null, address: { city: 'Beijing' } },
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toEqual({ id: 'c-1', created: false });
    expect(await getCustomer(app, 'c-1')).toMatchObject({
      // null deletes, objects merge member by member, other values replace
      attributes: { age: 42, address: { city: 'Beijing', district: 'Pudong' } },
      // tags were not given, so they are kept
      tags: ['vip', 'payroll'],
      createdAt: new Date(START).toISOString(),
      updatedAt: new Date(START + 60_000).toISOString(),
    });
  });

  it('replaces the tag set when tags are given', async () => {
    const { app } = await buildTestApp();
    await putCustomer(app, 'c-1', { tags: ['a', 'b'] });
    await putCustomer(app, 'c-1', { tags: ['c'] });
    expect((await getCustomer(app, 'c-1')).tags).toEqual(['c']);
  });

  it('does not store null attributes on a new customer', async () => {
    const { app } = await buildTestApp();
    await putCustomer(app, 'c-1', { attributes: { gone: null, kept: false } });
    expect((await getCustomer(app, 'c-1')).attributes).toEqual({ kept: false });
  });

  it('accepts ids of up to 128 characters', async () => {
    const { app } = await buildTestApp();
    const response = await putCustomer(app, 'x'.repeat(128), {});
    expect(response.statusCode).toBe(201);
  });

  it('rejects ids longer than 128 characters and unknown fields', async () => {
    const { app } = await buildTestApp();
    const longId = await putCustomer(app, 'x'.repeat(129), {});
    expect(longId.statusCode).toBe(400);
    expect(longId.json().issues[0].path).toBe('params.id');

    const unknownField = await putCustomer(app, 'c-1', { profile: {} });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().issues[0]).toMatchObject({ path: 'body', message: expect.stringContaining('profile') });
  });
});

describe('GET /v1/customers/:id', () => {
  it('returns the stored customer', async () => {
    const { app } = await buildTestApp();
    await putCustomer(app, 'c-1', { attributes: { age: 30 } });
    const response = await app.inject({ method: 'GET', url: '/v1/customers/c-1' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: 'c-1', attributes: { age: 30 }, tags: [] });
  });

  it('answers 404 for an unknown customer', async () => {
    const { app } = await buildTestApp();
    const response = await app.inject({ method: 'GET', url: '/v1/customers/nobody' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'Not Found', message: 'Customer nobody not found' });
  });
});

describe('customer tags', () => {
  it('adds tags without duplicating existing ones', async () => {
    const { app } = await buildTestApp();
    await putCustomer(app, 'c-1', { tags: ['vip'] });
    const response = await app.inject({
      method: 'POST',
      url: '/v1/customers/c-1/tags',
      payload: { tags: ['vip', 'dormant'] },
    });
    expect(response.statusCode).toBe(204);
    expect((await getCustomer(app, 'c-1')).tags).toEqual(['vip', 'dormant']);
  });

  it('removes a tag, and removing an absent tag changes nothing', async () => {
    const { app } = await buildTestApp();
    await putCustomer(app, 'c-1', { tags: ['vip', 'dormant'] });
    const removed = await app.inject({ method: 'DELETE', url: '/v1/customers/c-1/tags/vip' });
    expect(removed.statusCode).toBe(204);
    expect((await getCustomer(app, 'c-1')).tags).toEqual(['dormant']);

    const again = await app.inject({ method: 'DELETE', url: '/v1/customers/c-1/tags/vip' });
    expect(again.statusCode).toBe(204);
    expect((await getCustomer(app, 'c-1')).tags).toEqual(['dormant']);
  });

  it('answers 404 when the customer does not exist', async () => {
    const { app } = await buildTestApp();
    const added = await app.inject({ method: 'POST', url: '/v1/customers/nobody/tags', payload: { tags: ['vip'] } });
    const removed = await app.inject({ method: 'DELETE', url: '/v1/customers/nobody/tags/vip' });
    expect([added.statusCode, removed.statusCode]).toEqual([404, 404]);
  });

  it('requires at least one tag', async () => {
    const { app } = await buildTestApp();
    await putCustomer(app, 'c-1', {});
    const response = await app.inject({ method: 'POST', url: '/v1/customers/c-1/tags', payload: { tags: [] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues[0].path).toBe('body.tags');
  });
});
