import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { ChannelAdapter, OutgoingMessage } from '../../src/channels/adapters';
import { buildTestApp } from '../helpers';

const welcome = {
  schemaVersion: 1,
  id: 'welcome',
  name: 'Welcome',
  settings: { reentry: 'never', timezone: 'Asia/Shanghai' },
  nodes: [
    { id: 't', type: 'trigger', position: { x: 0, y: 0 }, config: { kind: 'event', event: 'card_activated' } },
    { id: 'm', type: 'message', position: { x: 240, y: 0 }, config: { channel: 'sms', template: { body: 'Hi' } } },
    { id: 'x', type: 'exit', position: { x: 480, y: 0 }, config: {} },
  ],
  edges: [
    { id: 'e1', source: 't', sourceHandle: 'next', target: 'm' },
    { id: 'e2', source: 'm', sourceHandle: 'sent', target: 'x' },
  ],
};

async function messages(app: FastifyInstance) {
  const response = await app.inject({ method: 'GET', url: '/v1/messages' });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { messages: Array<{ status: string; attempts: number }> }).messages;
}

describe('a message the server was sending when it died', () => {
  it('is marked as claimed while it is with the provider, and sent again once with the same key after a restart', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'journey-claim-'));
    onTestFinished(() => rmSync(directory, { recursive: true, force: true }));
    const databasePath = join(directory, 'journey.db');

    // The provider never answers: as far as the database knows, the process dies mid-send.
    const offered: OutgoingMessage[] = [];
    const silentProvider: ChannelAdapter = {
      send: (message) => {
        offered.push(message);
        return new Promise(() => {});
      },
    };
    const { app: before } = await buildTestApp({ databasePath, channels: { sms: silentProvider } });
    await before.inject({ method: 'POST', url: '/v1/journeys', payload: welcome });
    expect((await before.inject({ method: 'POST', url: '/v1/journeys/welcome/publish' })).statusCode).toBe(201);
    const event = { eventId: 'e1', customerId: 'c1', type: 'card_activated' };
    expect((await before.inject({ method: 'POST', url: '/v1/events', payload: event })).statusCode).toBe(202);
    void before.runDueWork();
    await expect.poll(() => offered.length).toBe(1);
    expect(await messages(before)).toMatchObject([{ status: 'sending', attempts: 1 }]);

    const delivered: OutgoingMessage[] = [];
    const provider: ChannelAdapter = {
      send: async (message) => {
        delivered.push(message);
        return { ok: true };
      },
    };
    const { app: after } = await buildTestApp({ databasePath, channels: { sms: provider } });
    await after.runDueWork();
    expect(delivered.map((message) => message.idempotencyKey)).toEqual([offered[0]?.idempotencyKey]);
    expect(await messages(after)).toMatchObject([{ status: 'sent', attempts: 2 }]);
    await after.runDueWork();
    expect(delivered).toHaveLength(1);
  });
});
