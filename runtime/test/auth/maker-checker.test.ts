import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, bearer, buildAuthApp, createKey, journeyDocument } from './helpers';

async function setUp(makerChecker: 'setting' | 'environment' = 'setting') {
  const { app } = await buildAuthApp({ makerChecker: makerChecker === 'environment' });
  if (makerChecker === 'setting') {
    const turnedOn = await app.inject({
      method: 'PUT',
      url: '/v1/admin/settings',
      headers: bearer(ADMIN_KEY),
      payload: { makerChecker: true },
    });
    expect(turnedOn.json()).toEqual({
      makerChecker: { enabled: true, enforced: false },
      creativeApproval: { enabled: false, enforced: false },
    });
  }
  const maker = await createKey(app, 'strategist', 'li.wei');
  const checker = await createKey(app, 'strategist', 'wang.fang');
  const created = await app.inject({
    method: 'POST',
    url: '/v1/journeys',
    headers: bearer(maker),
    payload: journeyDocument('welcome', 'Welcome!'),
  });
  expect(created.statusCode).toBe(201);
  return { app, maker, checker };
}

async function requestPublish(app: FastifyInstance, key: string): Promise<number> {
  const response = await app.inject({ method: 'POST', url: '/v1/journeys/welcome/publish', headers: bearer(key) });
  expect(response.statusCode, response.body).toBe(202);
  expect(response.json().approval).toMatchObject({ status: 'pending', requestedBy: 'li.wei', version: null });
  return response.json().approval.id;
}

const decide = (
  app: FastifyInstance,
  key: string,
  requestId: number,
  decision: 'approve' | 'reject',
  reason?: string,
) =>
  app.inject({
    method: 'POST',
    url: `/v1/journeys/welcome/approvals/${requestId}/${decision}`,
    headers: bearer(key),
    ...(reason && { payload: { reason } }),
  });

describe('maker-checker', () => {
  it('turns a publish into a request that only a different person can approve', async () => {
    const { app, maker, checker } = await setUp();
    const requestId = await requestPublish(app, maker);
    const journey = await app.inject({ method: 'GET', url: '/v1/journeys/welcome', headers: bearer(maker) });
    expect(journey.json()).toMatchObject({ status: 'draft', liveVersion: null });

    const own = await decide(app, maker, requestId, 'approve');
    expect(own.statusCode).toBe(403);
    expect(own.json()).toEqual({
      error: 'Forbidden',
      message: `li.wei submitted request ${requestId}; maker-checker needs a different person to approve it`,
    });

    const approved = await decide(app, checker, requestId, 'approve');
    expect(approved.statusCode, approved.body).toBe(201);
    expect(approved.json()).toMatchObject({
      approval: { status: 'approved', decidedBy: 'wang.fang', version: 1 },
      version: { version: 1, publishedBy: 'wang.fang' },
      draftChanged: false,
    });
    expect(approved.json().notice).toBeUndefined();
    const live = await app.inject({ method: 'GET', url: '/v1/journeys/welcome', headers: bearer(maker) });
    expect(live.json()).toMatchObject({ status: 'live', liveVersion: 1 });
    expect((await decide(app, checker, requestId, 'approve')).statusCode).toBe(409);
  });

  it('publishes the document as submitted when the draft changed since, and says so', async () => {
    const { app, maker, checker } = await setUp();
    const requestId = await requestPublish(app, maker);
    await app.inject({
      method: 'PUT',
      url: '/v1/journeys/welcome',
      headers: bearer(maker),
      payload: journeyDocument('welcome', 'A newer text nobody approved'),
    });

    const approved = await decide(app, checker, requestId, 'approve');
    expect(approved.json()).toMatchObject({ draftChanged: true, notice: expect.stringContaining('as submitted') });
    const sms = approved.json().version.document.nodes.find((node: { id: string }) => node.id === 'm');
    expect(sms.config.template.body).toBe('Welcome!');
    const journey = await app.inject({ method: 'GET', url: '/v1/journeys/welcome', headers: bearer(maker) });
    expect(journey.json().draft.nodes[2].config.template.body).toBe('A newer text nobody approved');
  });

  it('rejects with a reason, lets the maker withdraw, and keeps one pending request per journey', async () => {
    const { app, maker, checker } = await setUp();
    const first = await requestPublish(app, maker);
    const second = await app.inject({ method: 'POST', url: '/v1/journeys/welcome/publish', headers: bearer(maker) });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toMatch(`request ${first}`);

    const noReason = await decide(app, checker, first, 'reject');
    expect(noReason.statusCode).toBe(400);
    const rejected = await decide(app, checker, first, 'reject', 'The SMS needs the opt-out text');
    expect(rejected.json().approval).toMatchObject({ status: 'rejected', reason: 'The SMS needs the opt-out text' });

    const withdrawn = await decide(app, maker, await requestPublish(app, maker), 'reject', 'withdrawn');
    expect(withdrawn.json().approval).toMatchObject({ status: 'rejected', decidedBy: 'li.wei' });
    const listed = await app.inject({ method: 'GET', url: '/v1/journeys/welcome/approvals', headers: bearer(checker) });
    expect(listed.json().approvals.map((each: { status: string }) => each.status)).toEqual(['rejected', 'rejected']);
  });

  it('refuses to submit a draft that could not be published', async () => {
    const { app, maker } = await setUp();
    const broken = { ...journeyDocument(), edges: [] };
    await app.inject({ method: 'PUT', url: '/v1/journeys/welcome', headers: bearer(maker), payload: broken });
    const response = await app.inject({ method: 'POST', url: '/v1/journeys/welcome/publish', headers: bearer(maker) });
    expect(response.statusCode).toBe(400);
  });

  it('cannot be turned off while JOURNEY_MAKER_CHECKER=on', async () => {
    const { app, maker } = await setUp('environment');
    await requestPublish(app, maker);
    const off = await app.inject({
      method: 'PUT',
      url: '/v1/admin/settings',
      headers: bearer(ADMIN_KEY),
      payload: { makerChecker: false },
    });
    expect(off.statusCode).toBe(409);
    expect(off.json().message).toMatch(/JOURNEY_MAKER_CHECKER=on/);
  });
});
