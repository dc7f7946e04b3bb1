import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, bearer, buildAuthApp, createKey, journeyDocument } from './helpers';

interface Entry {
  id: number;
  at: string;
  actor: { name: string; role: string };
  action: string;
  journeyId: string | null;
  detail: Record<string, unknown>;
}

describe('audit log', () => {
  it('records who created, edited, published, paused, resumed and archived a journey, with the version diff', async () => {
    const { app, clock } = await buildAuthApp();
    const operator = await createKey(app, 'operator', 'li.wei');
    const strategist = await createKey(app, 'strategist', 'wang.fang');
    const as = (key: string, method: 'POST' | 'PUT', url: string, payload?: object) =>
      app.inject({ method, url, headers: bearer(key), ...(payload && { payload }) });

    await as(operator, 'POST', '/v1/journeys', journeyDocument('welcome', 'Welcome!'));
    await as(strategist, 'POST', '/v1/journeys/welcome/publish');
    clock.advance(60_000);
    await as(operator, 'PUT', '/v1/journeys/welcome', journeyDocument('welcome', 'Welcome aboard!'));
    await as(strategist, 'POST', '/v1/journeys/welcome/publish');
    await as(strategist, 'POST', '/v1/journeys/welcome/pause');
    await as(strategist, 'POST', '/v1/journeys/welcome/resume');
    await as(strategist, 'POST', '/v1/journeys/welcome/archive');
    await as(operator, 'POST', '/v1/journeys', journeyDocument('other'));

    const response = await app.inject({ method: 'GET', url: '/v1/audit?journeyId=welcome', headers: bearer(operator) });
    expect(response.statusCode).toBe(200);
    const entries: Entry[] = response.json().entries;
    expect(entries.map((entry) => [entry.action, entry.actor.name, entry.actor.role])).toEqual([
      ['journey.archived', 'wang.fang', 'strategist'],
      ['journey.resumed', 'wang.fang', 'strategist'],
      ['journey.paused', 'wang.fang', 'strategist'],
      ['journey.published', 'wang.fang', 'strategist'],
      ['journey.edited', 'li.wei', 'operator'],
      ['journey.published', 'wang.fang', 'strategist'],
      ['journey.created', 'li.wei', 'operator'],
    ]);
    const change = { kind: 'nodeChanged', nodeId: 'm', fields: ['config'] };
    expect(entries[3]).toMatchObject({
      at: '2025-03-01T08:01:00.000Z',
      journeyId: 'welcome',
      detail: { version: 2, previousVersion: 1, changes: [change], migrated: 0 },
    });
    expect(entries[4]?.detail).toEqual({ changes: [change] });
    expect(entries[5]?.detail).toMatchObject({ version: 1, previousVersion: null, changes: [] });
  });

  it('records nothing for a change that was refused', async () => {
    const { app } = await buildAuthApp();
    await app.inject({
      method: 'POST',
      url: '/v1/journeys',
      headers: bearer(ADMIN_KEY),
      payload: { ...journeyDocument(), edges: [] },
    });
    const before = (await app.inject({ method: 'GET', url: '/v1/audit', headers: bearer(ADMIN_KEY) })).json().entries;
    const refused = await app.inject({
      method: 'POST',
      url: '/v1/journeys/welcome/publish',
      headers: bearer(ADMIN_KEY),
    });
    expect(refused.statusCode).toBe(400);
    const after = (await app.inject({ method: 'GET', url: '/v1/audit', headers: bearer(ADMIN_KEY) })).json().entries;
    expect(after).toEqual(before);
  });

  it('pages newest first with limit and before', async () => {
    const { app } = await buildAuthApp();
    for (const id of ['a', 'b', 'c']) {
      await app.inject({
        method: 'POST',
        url: '/v1/journeys',
        headers: bearer(ADMIN_KEY),
        payload: journeyDocument(id),
      });
    }
    const page = async (query: string) =>
      (await app.inject({ method: 'GET', url: `/v1/audit?${query}`, headers: bearer(ADMIN_KEY) })).json();
    const first = await page('limit=2');
    expect(first.entries.map((entry: Entry) => entry.journeyId)).toEqual(['c', 'b']);
    const second = await page(`limit=2&before=${first.nextBefore}`);
    // The first admin key's creation comes last.
    expect(second.entries.map((entry: Entry) => entry.action)).toEqual(['journey.created', 'key.created']);
    expect(second.entries[0].journeyId).toBe('a');
    expect((await page(`limit=2&before=${second.nextBefore}`)).entries).toEqual([]);

    const bad = await app.inject({ method: 'GET', url: '/v1/audit?limit=0', headers: bearer(ADMIN_KEY) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('querystring.limit');
  });
});
