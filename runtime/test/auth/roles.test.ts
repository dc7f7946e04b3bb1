import { can, type Role, roles } from '@journey/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { requiredPermission } from '../../src/auth/policy';
import { ADMIN_KEY, bearer, createKey, journeyDocument } from './helpers';

interface Case {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  payload?: object;
  allowed: readonly Role[];
}

const everyoneButIngest: Role[] = ['supervisor', 'operator', 'strategist', 'admin'];

/** The decisions the issue asks for, written out by hand (the policy must agree with them). */
const cases: Case[] = [
  { method: 'GET', url: '/v1/journeys', allowed: everyoneButIngest },
  {
    method: 'POST',
    url: '/v1/journeys',
    payload: journeyDocument('other'),
    allowed: ['operator', 'strategist', 'admin'],
  },
  {
    method: 'PUT',
    url: '/v1/journeys/welcome',
    payload: journeyDocument(),
    allowed: ['operator', 'strategist', 'admin'],
  },
  { method: 'POST', url: '/v1/journeys/welcome/publish', allowed: ['strategist', 'admin'] },
  { method: 'POST', url: '/v1/journeys/welcome/pause', allowed: ['strategist', 'admin'] },
  { method: 'GET', url: '/v1/customers/c1', allowed: everyoneButIngest },
  { method: 'GET', url: '/v1/customers/c1/journeys', allowed: everyoneButIngest },
  { method: 'GET', url: '/v1/messages?customerId=c1', allowed: everyoneButIngest },
  { method: 'PUT', url: '/v1/customers/c1', payload: { attributes: { age: 40 } }, allowed: ['ingest', 'admin'] },
  {
    method: 'POST',
    url: '/v1/events',
    payload: { eventId: 'e1', customerId: 'c1', type: 'x' },
    allowed: ['ingest', 'admin'],
  },
  {
    method: 'POST',
    url: '/v1/segments',
    payload: { name: 's', condition: { hasTag: 'vip' } },
    allowed: ['operator', 'strategist', 'admin'],
  },
  {
    method: 'POST',
    url: '/v1/benefit-pools',
    payload: { id: 'p', name: 'p', budget: 1 },
    allowed: ['strategist', 'admin'],
  },
  { method: 'GET', url: '/v1/audit', allowed: everyoneButIngest },
  { method: 'GET', url: '/v1/admin/keys', allowed: ['admin'] },
  { method: 'PUT', url: '/v1/admin/settings', payload: { makerChecker: false }, allowed: ['admin'] },
  { method: 'GET', url: '/v1/auth/me', allowed: [...roles] },
];

describe('roles', () => {
  let app: FastifyInstance;
  const keys = {} as Record<Role, string>;

  beforeAll(async () => {
    // One app for the whole table (buildTestApp closes its app after each test).
    app = await buildApp({ databasePath: ':memory:', pollIntervalMs: 0, auth: { adminKey: ADMIN_KEY } });
    for (const role of roles) keys[role] = role === 'admin' ? ADMIN_KEY : await createKey(app, role);
    await app.inject({ method: 'POST', url: '/v1/journeys', headers: bearer(ADMIN_KEY), payload: journeyDocument() });
  });

  afterAll(() => app.close());

  describe.each(cases)('$method $url', ({ method, url, payload, allowed }) => {
    it('needs credentials (401)', async () => {
      const response = await app.inject({ method, url, ...(payload && { payload }) });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.json()).toEqual({
        error: 'Unauthorized',
        message: expect.stringContaining('Authorization: Bearer'),
      });
    });

    it.each(roles)('%s', async (role) => {
      const response = await app.inject({ method, url, headers: bearer(keys[role]), ...(payload && { payload }) });
      if (allowed.includes(role)) {
        expect([401, 403], `${role}: ${response.body}`).not.toContain(response.statusCode);
      } else {
        expect(response.statusCode, response.body).toBe(403);
        expect(response.json()).toEqual({ error: 'Forbidden', message: expect.stringContaining(`(${role}) may not`) });
      }
    });
  });

  it('refuses an ingest key every customer read, including segment members', async () => {
    const segment = await app.inject({
      method: 'POST',
      url: '/v1/segments',
      headers: bearer(ADMIN_KEY),
      payload: { name: 'all', condition: { attr: 'age', op: 'exists' } },
    });
    const id = segment.json().id;
    for (const url of ['/v1/customers/c1', `/v1/segments/${id}/customers`, `/v1/segments/${id}/count`]) {
      const response = await app.inject({ method: 'GET', url, headers: bearer(keys.ingest) });
      expect(response.statusCode, url).toBe(403);
    }
    // Writes answer with a receipt, never the stored profile: an empty PUT reads nothing.
    const write = await app.inject({
      method: 'PUT',
      url: '/v1/customers/c1',
      headers: bearer(keys.ingest),
      payload: {},
    });
    expect(write.json()).toEqual({ id: 'c1', created: expect.any(Boolean) });
    const tag = await app.inject({
      method: 'POST',
      url: '/v1/customers/c1/tags',
      headers: bearer(keys.ingest),
      payload: { tags: ['seen'] },
    });
    expect([tag.statusCode, tag.body]).toEqual([204, '']);
  });

  it('refuses a wrong, malformed or revoked key with 401', async () => {
    for (const authorization of ['Bearer jk_not-a-key', 'Basic dXNlcjpwYXNz', `Bearer ${ADMIN_KEY}x`]) {
      const response = await app.inject({ method: 'GET', url: '/v1/journeys', headers: { authorization } });
      expect(response.statusCode, authorization).toBe(401);
    }
  });

  it('enforces the policy on every registered route: 401 without credentials, 403 for each role without the permission', async () => {
    const protectedRoutes = app.routeAccess.filter(
      (route) => route.method !== 'HEAD' && requiredPermission(route.method, route.url) !== 'public',
    );
    expect(protectedRoutes.length).toBeGreaterThan(30);
    for (const route of protectedRoutes) {
      const url = route.url.replace(/:\w+/g, '1');
      const method = route.method as Case['method'];
      const permission = requiredPermission(route.method, route.url);
      expect((await app.inject({ method, url })).statusCode, `${method} ${route.url} anonymous`).toBe(401);
      for (const role of roles.filter((each) => !can(each, permission))) {
        const response = await app.inject({ method, url, headers: bearer(keys[role]) });
        expect(response.statusCode, `${method} ${route.url} as ${role}`).toBe(403);
      }
    }
  });

  it('leaves health and the API docs public', async () => {
    for (const url of ['/health', '/openapi.json', '/docs/', '/docs/static/index.html']) {
      expect([401, 403], url).not.toContain((await app.inject({ method: 'GET', url })).statusCode);
    }
  });
});
