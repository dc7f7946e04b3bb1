import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { SESSION_TTL_MS } from '../../src/auth/authenticator';
import { ADMIN_KEY, bearer, buildAuthApp, createKey } from './helpers';

async function login(app: FastifyInstance, key: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { key } });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((each) => each.name === 'journey_session');
  expect(cookie).toBeDefined();
  return cookie!.value;
}

const me = (app: FastifyInstance, session: string) =>
  app.inject({ method: 'GET', url: '/v1/auth/me', cookies: { journey_session: session } });

describe('designer sessions', () => {
  it('logs in with an API key: an HttpOnly, SameSite=Strict, expiring cookie that acts as the key', async () => {
    const { app } = await buildAuthApp();
    const key = await createKey(app, 'strategist', 'wang.fang');
    const keyId = app.apiKeys.list().find((each) => each.name === 'wang.fang')?.id;
    const response = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { key } });
    expect(response.json()).toEqual({ name: 'wang.fang', role: 'strategist', keyId });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^journey_session=[^;]+; Max-Age=28800; Path=\/; HttpOnly; SameSite=Strict$/);

    const session = await login(app, key);
    expect(session).not.toContain(key);
    // The key is named, so the designer can tell its holder which key in the list is their own.
    expect((await me(app, session)).json()).toEqual({ name: 'wang.fang', role: 'strategist', keyId });
    const adminOnly = await app.inject({
      method: 'POST',
      url: '/v1/admin/keys',
      cookies: { journey_session: session },
      payload: { name: 'x', role: 'admin' },
    });
    expect(adminOnly.statusCode).toBe(403);
  });

  it('refuses a wrong key at login, and a tampered or expired session', async () => {
    const { app, clock } = await buildAuthApp();
    const refused = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { key: 'jk_guess' } });
    expect(refused.statusCode).toBe(401);
    expect(refused.cookies).toEqual([]);

    const session = await login(app, ADMIN_KEY);
    // The value is `keyId.expiresAt.signature`: moving the expiry breaks the signature.
    const [keyId, expiresAt, signature] = session.split('.');
    expect((await me(app, `${keyId}.${Number(expiresAt) + SESSION_TTL_MS}.${signature}`)).statusCode).toBe(401);

    clock.advance(SESSION_TTL_MS - 1);
    expect((await me(app, session)).statusCode).toBe(200);
    clock.advance(1);
    const expired = await me(app, session);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().message).toMatch(/session has expired/);
  });

  it('ends the sessions of a revoked key, and logs out', async () => {
    const { app } = await buildAuthApp();
    const key = await createKey(app, 'operator', 'li.wei');
    const session = await login(app, key);
    const logout = await app.inject({ method: 'POST', url: '/v1/auth/logout', cookies: { journey_session: session } });
    expect(logout.statusCode).toBe(204);
    expect(logout.cookies).toContainEqual(expect.objectContaining({ name: 'journey_session', value: '' }));

    const { id } = app.apiKeys.list().find((each) => each.name === 'li.wei')!;
    await app.inject({ method: 'DELETE', url: `/v1/admin/keys/${id}`, headers: bearer(ADMIN_KEY) });
    expect((await me(app, session)).statusCode).toBe(401);
  });
});
