import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, bearer, buildAuthApp, createKey } from './helpers';

describe('API keys', () => {
  it('stores only the sha-256 of a key and shows the key once', async () => {
    const { app } = await buildAuthApp();
    const created = await app.inject({
      method: 'POST',
      url: '/v1/admin/keys',
      headers: bearer(ADMIN_KEY),
      payload: { name: 'crm-sync', role: 'ingest' },
    });
    expect(created.statusCode).toBe(201);
    const { key, id } = created.json();
    expect(key).toMatch(/^jk_[A-Za-z0-9_-]{43}$/);

    const database = app.sqlite.serialize();
    expect(database.includes(key)).toBe(false);
    expect(database.includes(ADMIN_KEY)).toBe(false);
    const stored = app.sqlite.prepare<[string], { hash: string }>('SELECT hash FROM api_keys WHERE id = ?').get(id);
    expect(stored?.hash).toBe(createHash('sha256').update(key).digest('hex'));

    const listed = await app.inject({ method: 'GET', url: '/v1/admin/keys', headers: bearer(ADMIN_KEY) });
    expect(listed.body).not.toContain(key);
    expect(listed.body).not.toContain(stored?.hash);
    expect(listed.json().keys).toContainEqual({
      id,
      name: 'crm-sync',
      role: 'ingest',
      createdAt: '2025-03-01T08:00:00.000Z',
      createdBy: 'admin',
      lastUsedAt: null,
      revokedAt: null,
    });
  });

  it('records when a key was last used', async () => {
    const { app, clock } = await buildAuthApp();
    const key = await createKey(app, 'supervisor', 'wall screen');
    clock.advance(60_000);
    await app.inject({ method: 'GET', url: '/v1/journeys', headers: bearer(key) });
    const listed = await app.inject({ method: 'GET', url: '/v1/admin/keys', headers: bearer(ADMIN_KEY) });
    const screen = listed.json().keys.find((each: { name: string }) => each.name === 'wall screen');
    expect(screen.lastUsedAt).toBe('2025-03-01T08:01:00.000Z');
  });

  it('stops a revoked key at once and audits creation and revocation', async () => {
    const { app } = await buildAuthApp();
    const key = await createKey(app, 'operator', 'li.wei');
    expect((await app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(key) })).statusCode).toBe(200);
    const listed = await app.inject({ method: 'GET', url: '/v1/admin/keys', headers: bearer(ADMIN_KEY) });
    const keyId = listed.json().keys.find((each: { name: string }) => each.name === 'li.wei').id;

    const revoked = await app.inject({ method: 'DELETE', url: `/v1/admin/keys/${keyId}`, headers: bearer(ADMIN_KEY) });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).toBe('2025-03-01T08:00:00.000Z');
    const after = await app.inject({ method: 'GET', url: '/v1/journeys', headers: bearer(key) });
    expect(after.statusCode).toBe(401);
    expect(after.json().message).toMatch(/not valid or was revoked/);
    const again = await app.inject({ method: 'DELETE', url: `/v1/admin/keys/${keyId}`, headers: bearer(ADMIN_KEY) });
    expect(again.statusCode).toBe(409);

    const audit = await app.inject({ method: 'GET', url: '/v1/audit', headers: bearer(ADMIN_KEY) });
    expect(
      audit
        .json()
        .entries.map((entry: { action: string; actor: { name: string } }) => [entry.action, entry.actor.name]),
    ).toEqual([
      ['key.revoked', 'admin'],
      ['key.created', 'admin'],
      ['key.created', 'startup'],
    ]);
  });

  it('keeps the last admin key', async () => {
    const { app } = await buildAuthApp();
    const [admin] = app.apiKeys.activeAdmins();
    const response = await app.inject({
      method: 'DELETE',
      url: `/v1/admin/keys/${admin?.id}`,
      headers: bearer(ADMIN_KEY),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toMatch(/last active admin key/);
  });

  it('names the field of a bad key request', async () => {
    const { app } = await buildAuthApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/admin/keys',
      headers: bearer(ADMIN_KEY),
      payload: { name: 'x', role: 'root' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues[0].path).toBe('body.role');
  });
});
