import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers';

const draft = (name: string) => ({
  schemaVersion: 1,
  id: 'welcome',
  name,
  settings: { reentry: 'never', timezone: 'Asia/Shanghai' },
  nodes: [
    { id: 't', type: 'trigger', position: { x: 0, y: 0 }, config: { kind: 'event', event: 'card_activated' } },
    { id: 'x', type: 'exit', position: { x: 240, y: 0 }, config: {} },
  ],
  edges: [{ id: 'e1', source: 't', sourceHandle: 'next', target: 'x' }],
});

describe('draft revisions', () => {
  it('saves over the revision last read and refuses, with 412, a save based on a stale one', async () => {
    const { app } = await buildTestApp();
    const created = await app.inject({ method: 'POST', url: '/v1/journeys', payload: draft('Welcome') });
    const first = created.json().revision as string;

    const read = await app.inject({ url: '/v1/journeys/welcome' });
    expect(read.headers.etag).toBe(`"${first}"`);

    const tabA = await app.inject({
      method: 'PUT',
      url: '/v1/journeys/welcome',
      headers: { 'if-match': `"${first}"` },
      payload: draft('Welcome (tab A)'),
    });
    expect(tabA.statusCode).toBe(200);
    expect(tabA.json().revision).not.toBe(first);
    expect(tabA.headers.etag).toBe(`"${tabA.json().revision}"`);

    const tabB = await app.inject({
      method: 'PUT',
      url: '/v1/journeys/welcome',
      headers: { 'if-match': `"${first}"` },
      payload: draft('Welcome (tab B)'),
    });
    expect(tabB.statusCode).toBe(412);
    expect(tabB.json().message).toContain('changed since you loaded it');
    expect((await app.inject({ url: '/v1/journeys/welcome' })).json().name).toBe('Welcome (tab A)');

    // Without If-Match the save is unconditional, as API clients expect.
    const blind = await app.inject({ method: 'PUT', url: '/v1/journeys/welcome', payload: draft('Scripted') });
    expect(blind.statusCode).toBe(200);
  });
});
