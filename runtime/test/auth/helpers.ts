import type { Role } from '@journey/shared';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { AppOptions } from '../../src/app';
import type { AuthOptions } from '../../src/plugins/auth';
import { buildTestApp } from '../helpers';

/** The admin key the auth tests start with (as JOURNEY_ADMIN_KEY would set it). */
export const ADMIN_KEY = 'jk_test-admin-key-that-is-long-enough-0123456789';

/** A test app with authentication on and {@link ADMIN_KEY} as its first admin key. */
export function buildAuthApp(
  auth: AuthOptions = {},
  options: Partial<AppOptions> = {},
): ReturnType<typeof buildTestApp> {
  return buildTestApp({ ...options, auth: { adminKey: ADMIN_KEY, ...auth } });
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** Creates a key through the admin API and returns the key itself. */
export async function createKey(app: FastifyInstance, role: Role, name: string = role): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/admin/keys',
    headers: bearer(ADMIN_KEY),
    payload: { name, role },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().key;
}

/** A small journey that compiles: card activated → wait 2 days → SMS. */
export function journeyDocument(id = 'welcome', body = 'Welcome!') {
  const node = (nodeId: string, type: string, config: Record<string, unknown>, x: number) => ({
    id: nodeId,
    type,
    position: { x, y: 0 },
    config,
  });
  const edge = (source: string, sourceHandle: string, target: string) => ({
    id: `${source}-${sourceHandle}`,
    source,
    sourceHandle,
    target,
  });
  return {
    schemaVersion: 1,
    id,
    name: `Journey ${id}`,
    settings: { reentry: 'never', timezone: 'Asia/Shanghai' },
    nodes: [
      node('t', 'trigger', { kind: 'event', event: 'card_activated' }, 0),
      node('w', 'wait', { duration: 'P2D' }, 240),
      node('m', 'message', { channel: 'sms', template: { body } }, 480),
      node('x', 'exit', {}, 720),
    ],
    edges: [edge('t', 'next', 'w'), edge('w', 'next', 'm'), edge('m', 'sent', 'x')],
  };
}
