import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { bearer, buildAuthApp, createKey } from '../auth/helpers';
import { buildTestApp } from '../helpers';

const node = (id: string, type: string, config: Record<string, unknown>, x: number) => ({
  id,
  type,
  position: { x, y: 0 },
  label: id,
  config,
});
const edge = (source: string, sourceHandle: string, target: string) => ({
  id: `${source}-${sourceHandle}`,
  source,
  sourceHandle,
  target,
});

/** Card activated → first spend within 30 days → SMS; the spend is also the goal. */
const document = {
  schemaVersion: 1,
  id: 'first-spend',
  name: 'First spend',
  settings: { reentry: 'never', timezone: 'Asia/Shanghai', goal: { event: 'card_transaction', exitOnGoal: false } },
  nodes: [
    node('activated', 'trigger', { kind: 'event', event: 'card_activated' }, 0),
    node('spend', 'waitForEvent', { event: 'card_transaction', within: 'P30D' }, 240),
    node('thanks', 'message', { channel: 'sms', template: { body: 'Thanks for your first spend!' } }, 480),
    node('done', 'exit', {}, 720),
    node('no-spend', 'exit', {}, 480),
  ],
  edges: [
    edge('activated', 'next', 'spend'),
    edge('spend', 'matched', 'thanks'),
    edge('spend', 'timeout', 'no-spend'),
    edge('thanks', 'sent', 'done'),
  ],
};

const parameters = [
  { key: 'activation', label: 'Event that starts it', kind: 'event', targets: ['nodes.activated.config.event'] },
  {
    key: 'spendEvent',
    label: 'Spend event',
    hint: 'Also the goal',
    kind: 'event',
    targets: ['nodes.spend.config.event', 'settings.goal.event'],
  },
  { key: 'window', label: 'Time to spend', kind: 'duration', targets: ['nodes.spend.config.within'] },
  { key: 'thanks', label: 'Thank-you SMS', kind: 'text', targets: ['nodes.thanks.config.template.body'] },
];

const template = { name: 'First spend', description: 'Rewards a first spend', category: 'Cards', parameters, document };

async function putTemplate(app: FastifyInstance, id: string, body: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method: 'PUT', url: `/v1/templates/${id}`, payload: body as object, headers });
}

async function auditActions(app: FastifyInstance): Promise<string[]> {
  const entries = (await app.inject({ url: '/v1/audit' })).json().entries as Array<{ action: string }>;
  return entries.map((entry) => entry.action).reverse();
}

describe('template gallery', () => {
  it('creates, reads, lists, replaces and deletes templates, auditing each change', async () => {
    const { app } = await buildTestApp();
    const created = await putTemplate(app, 'first-spend', template);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({ id: 'first-spend', ...template, updatedAt: '2025-03-01T08:00:00.000Z' });
    expect((await app.inject({ url: '/v1/templates/first-spend' })).json()).toEqual(created.json());

    const replaced = await putTemplate(app, 'first-spend', { ...template, name: 'First card spend' });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().name).toBe('First card spend');
    await putTemplate(app, 'a-loyalty', { ...template, name: 'Zebra', category: 'Loyalty' });
    await putTemplate(app, 'b-cards', { ...template, name: 'Another card journey' });
    await putTemplate(app, 'plain', { name: 'Uncategorised', parameters: [], document });

    const { templates } = (await app.inject({ url: '/v1/templates' })).json();
    expect(templates.map((summary: { id: string }) => summary.id)).toEqual([
      'b-cards',
      'first-spend',
      'a-loyalty',
      'plain',
    ]);
    expect(templates[1]).toEqual({
      id: 'first-spend',
      name: 'First card spend',
      description: 'Rewards a first spend',
      category: 'Cards',
      parameters: [
        { ...parameters[0], default: 'card_activated' },
        { ...parameters[1], default: 'card_transaction' },
        { ...parameters[2], default: 'P30D' },
        { ...parameters[3], default: 'Thanks for your first spend!' },
      ],
      nodeCount: 5,
      updatedAt: '2025-03-01T08:00:00.000Z',
    });

    expect((await app.inject({ method: 'DELETE', url: '/v1/templates/first-spend' })).statusCode).toBe(204);
    expect((await app.inject({ url: '/v1/templates/first-spend' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: '/v1/templates/first-spend' })).statusCode).toBe(404);
    expect((await auditActions(app)).slice(0, 3)).toEqual(['template.created', 'template.updated', 'template.created']);
    expect((await auditActions(app)).at(-1)).toBe('template.deleted');
  });

  it('keeps the translations it is given, returns them in the detail and the list, and drops them on a replace without', async () => {
    const { app } = await buildTestApp();
    const translations = {
      'zh-CN': {
        name: '首笔消费',
        description: '奖励首笔消费',
        category: '信用卡',
        parameters: { spendEvent: { label: '消费事件', hint: '同时是目标' }, window: { label: '消费期限' } },
      },
    };
    const created = await putTemplate(app, 'first-spend', { ...template, translations });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().translations).toEqual(translations);
    expect((await app.inject({ url: '/v1/templates/first-spend' })).json().translations).toEqual(translations);
    expect((await app.inject({ url: '/v1/templates' })).json().templates[0].translations).toEqual(translations);

    const replaced = await putTemplate(app, 'first-spend', template);
    expect(replaced.json()).not.toHaveProperty('translations');
    expect((await app.inject({ url: '/v1/templates' })).json().templates[0]).not.toHaveProperty('translations');
  });

  it('refuses a template with 400 naming the field, and stores nothing', async () => {
    const { app } = await buildTestApp();
    const cases: Array<[unknown, string[]]> = [
      [
        { ...template, parameters: [parameters[0], { ...parameters[1], targets: ['nodes.missing.config.event'] }] },
        ['body.parameters.1.targets.0'],
      ],
      [{ ...template, parameters: [{ ...parameters[2], kind: 'number' }] }, ['body.parameters.0.targets.0']],
      [
        { ...template, parameters: [parameters[0], { ...parameters[1], key: 'activation' }] },
        ['body.parameters.1.key'],
      ],
      [{ ...template, parameters: [{ ...parameters[0], key: 'has space' }] }, ['body.parameters.0.key']],
      [{ ...template, document: { ...document, nodes: 'none' } }, ['body.document.nodes']],
      [{ ...template, name: '' }, ['body.name']],
      [
        { ...template, translations: { 'zh-CN': { parameters: { thanks: { label: '感谢短信' }, thank: {} } } } },
        ['body.translations.zh-CN.parameters.thank'],
      ],
      [{ ...template, translations: { 'zh-CN': { category: ' ' } } }, ['body.translations.zh-CN.category']],
    ];
    for (const [body, paths] of cases) {
      const response = await putTemplate(app, 'first-spend', body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().issues.map((issue: { path: string }) => issue.path)).toEqual(paths);
    }
    expect((await putTemplate(app, 'has space', template)).json().issues[0].path).toBe('params.id');
    expect((await app.inject({ url: '/v1/templates' })).json()).toEqual({ templates: [] });
  });
});

describe('journeys from templates', () => {
  it('creates a draft journey with each value at every target, as POST /v1/journeys does', async () => {
    const { app } = await buildTestApp();
    await putTemplate(app, 'first-spend', template);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/templates/first-spend/journeys',
      payload: {
        id: 'platinum-first-spend',
        name: 'Platinum first spend',
        parameters: { spendEvent: 'platinum_card_transaction', window: 'P14D' },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const journey = response.json();
    expect(journey).toMatchObject({ id: 'platinum-first-spend', name: 'Platinum first spend', status: 'draft' });
    expect((await app.inject({ url: '/v1/journeys/platinum-first-spend' })).json()).toEqual(journey);

    const draft = journey.draft as typeof document;
    expect(draft.nodes.find((candidate) => candidate.id === 'spend')?.config).toEqual({
      event: 'platinum_card_transaction',
      within: 'P14D',
    });
    expect(draft.settings.goal.event).toBe('platinum_card_transaction');
    expect(draft.nodes.find((candidate) => candidate.id === 'activated')?.config.event).toBe('card_activated');
    expect(await auditActions(app)).toEqual(['template.created', 'journey.created']);

    const validation = await app.inject({ method: 'POST', url: '/v1/journeys/platinum-first-spend/validate' });
    expect(validation.json().valid).toBe(true);
  });

  it('answers 404 for an unknown template, 409 for a taken journey id and 400 naming a bad value', async () => {
    const { app } = await buildTestApp();
    await putTemplate(app, 'first-spend', template);
    const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });

    expect((await post('/v1/templates/nope/journeys', { id: 'j', name: 'J' })).statusCode).toBe(404);
    expect((await post('/v1/templates/first-spend/journeys', { id: 'j', name: 'J' })).statusCode).toBe(201);
    const taken = await post('/v1/templates/first-spend/journeys', { id: 'j', name: 'Again' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toBe('Journey j already exists');

    const bad = await post('/v1/templates/first-spend/journeys', {
      id: 'k',
      name: 'K',
      parameters: { window: 'two weeks', thanks: '  ', activation: 'xstate.init', colour: 'blue' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((issue: { path: string }) => issue.path)).toEqual([
      'body.parameters.colour',
      'body.parameters.activation',
      'body.parameters.window',
      'body.parameters.thanks',
    ]);
    const badId = await post('/v1/templates/first-spend/journeys', { id: 'no spaces', name: '' });
    expect(badId.json().issues.map((issue: { path: string }) => issue.path)).toEqual(['body.id', 'body.name']);
    expect((await app.inject({ url: '/v1/journeys/k' })).statusCode).toBe(404);
  });
});

describe('template permissions', () => {
  it('lets an operator save templates and start journeys from them; a supervisor may only read', async () => {
    const { app } = await buildAuthApp();
    const operator = bearer(await createKey(app, 'operator'));
    const supervisor = bearer(await createKey(app, 'supervisor'));

    expect((await putTemplate(app, 'first-spend', template, operator)).statusCode).toBe(201);
    expect((await putTemplate(app, 'first-spend', template, supervisor)).statusCode).toBe(403);
    expect((await app.inject({ url: '/v1/templates', headers: supervisor })).statusCode).toBe(200);
    expect((await app.inject({ url: '/v1/templates/first-spend', headers: supervisor })).statusCode).toBe(200);
    const fromTemplate = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/v1/templates/first-spend/journeys',
        payload: { id: 'j', name: 'J' },
        headers,
      });
    expect((await fromTemplate(supervisor)).statusCode).toBe(403);
    expect((await fromTemplate(operator)).statusCode).toBe(201);
    const remove = (headers: Record<string, string>) =>
      app.inject({ method: 'DELETE', url: '/v1/templates/first-spend', headers });
    expect((await remove(supervisor)).statusCode).toBe(403);
    expect((await remove(operator)).statusCode).toBe(204);
  });
});
