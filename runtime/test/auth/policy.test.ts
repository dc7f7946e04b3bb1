import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ADMIN_KEY, bearer, buildAuthApp, createKey } from './helpers';

/** A stand-in for the designer's build, so the static file routes are registered too. */
function designerBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'journey-designer-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Journey</title>');
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

describe('access policy', () => {
  it('names a permission for every registered route', async () => {
    const { app } = await buildAuthApp({}, { designerRoot: designerBuild() });
    await app.ready();
    const undecided = app.routeAccess
      // HEAD follows GET.
      .filter((route) => route.permission === undefined && route.method !== 'HEAD')
      .map((route) => `${route.method} ${route.url}`);
    expect(
      undecided,
      'Add these routes to runtime/src/auth/policy.ts with the permission they need (until then they are admin-only)',
    ).toEqual([]);
    expect(app.routeAccess.map((route) => `${route.method} ${route.url}`)).toEqual(
      expect.arrayContaining(['GET /health', 'GET /*', 'POST /v1/events', 'GET /v1/journeys/:id']),
    );
  });

  it('serves the designer and its files without credentials', async () => {
    const { app } = await buildAuthApp({}, { designerRoot: designerBuild() });
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Journey</title>');
  });

  it('makes a route nobody decided about admin-only', async () => {
    const { app } = await buildAuthApp();
    app.get('/v1/undecided', async () => ({ ok: true }));
    const operator = await createKey(app, 'operator');
    expect((await app.inject({ method: 'GET', url: '/v1/undecided', headers: bearer(operator) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/v1/undecided', headers: bearer(ADMIN_KEY) })).statusCode).toBe(
      200,
    );
    expect(app.routeAccess).toContainEqual({ method: 'GET', url: '/v1/undecided', permission: undefined });
  });
});
