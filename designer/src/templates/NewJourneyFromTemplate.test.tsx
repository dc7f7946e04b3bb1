import type { JourneyDocument, TemplateSummary } from '@journey/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { exampleJourney } from '../store/exampleJourney';
import { smallJourney } from '../test/fixtures';
import { fakeRuntime, journeyRecord, type Routes, renderApp } from '../test/runtime';

const cardWelcome: TemplateSummary = {
  id: 'card-welcome',
  name: 'Card welcome',
  category: 'Credit cards',
  description: 'Welcome new cardholders and reward their first spend.',
  nodeCount: 6,
  updatedAt: '2026-01-05T02:00:00.000Z',
  parameters: [
    {
      key: 'activation',
      label: 'Event when the card is activated',
      hint: 'As your card system sends it',
      kind: 'event',
      targets: ['nodes.start.config.event'],
      default: 'card_activated',
    },
    {
      key: 'welcome',
      label: 'Welcome text',
      kind: 'text',
      targets: ['nodes.hello.config.template.body'],
      default: 'Hi {{profile.name}}',
    },
    {
      key: 'coupon',
      label: 'Coupon pool',
      kind: 'benefitPool',
      targets: ['nodes.gift.config.poolId'],
      default: 'welcome-coupon',
    },
    {
      key: 'patience',
      label: 'Time to first spend',
      kind: 'duration',
      targets: ['nodes.spend.config.within'],
      default: 'P7D',
    },
    {
      key: 'threshold',
      label: 'Spend at least',
      kind: 'number',
      targets: ['nodes.c1.config.branches.0.when.value'],
      default: 99,
    },
  ],
};

const maturity: TemplateSummary = {
  id: 'maturity',
  name: 'Wealth maturity reminder',
  category: 'Wealth',
  nodeCount: 4,
  updatedAt: '2026-01-05T02:00:00.000Z',
  parameters: [
    {
      key: 'segment',
      label: 'Customers',
      kind: 'segment',
      targets: ['nodes.start.config.segmentId'],
      default: 'maturing',
    },
  ],
};

const createPath = `/v1/templates/${cardWelcome.id}/journeys`;

/** The list page with the "New journey" dialog open; the runtime has the two templates unless `routes` say otherwise. */
async function openNewJourney(routes: Routes = {}) {
  const runtime = fakeRuntime({
    'GET /v1/journeys': {
      body: { journeys: [journeyRecord(exampleJourney), journeyRecord({ ...smallJourney(), id: 'card-welcome-1' })] },
    },
    'GET /v1/templates': { body: { templates: [cardWelcome, maturity] } },
    'GET /v1/benefit-pools': {
      body: {
        pools: [
          { id: 'welcome-coupon', name: 'Welcome coupon', remaining: 90 },
          { id: 'cashback-10', name: 'Cash-back 10', remaining: 5 },
        ],
      },
    },
    ...routes,
  });
  renderApp('/');
  await userEvent.click(await screen.findByRole('button', { name: 'New journey' }));
  return { runtime, dialog: screen.getByRole('dialog', { name: 'New journey' }) };
}

async function useCardWelcome(routes: Routes = {}) {
  const { runtime, dialog } = await openNewJourney(routes);
  await userEvent.click(await within(dialog).findByRole('button', { name: 'Use template Card welcome' }));
  return { runtime, form: screen.getByRole('dialog', { name: 'New journey from “Card welcome”' }) };
}

// The editor is a lazy chunk; loading it once here keeps its first compile out of the tests' time limits.
beforeAll(() => import('../editor/EditorPage'), 30_000);
afterEach(() => setLocale('en'));

describe('new journey from a template', () => {
  it('shows the templates with their category and what each asks, and filters them by category', async () => {
    const { dialog } = await openNewJourney();
    const cardTexts = async () =>
      within(await within(dialog).findByRole('list'))
        .getAllByRole('listitem')
        .map((card) => card.textContent);
    expect(await cardTexts()).toEqual([
      'Card welcomeCredit cardsWelcome new cardholders and reward their first spend.6 steps · 5 questionsUseDelete',
      expect.stringMatching(/^Wealth maturity reminderWealth/),
    ]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Wealth' }));
    expect(await cardTexts()).toEqual([expect.stringMatching(/^Wealth maturity reminderWealth/)]);
    expect(within(dialog).getByRole('button', { name: 'Wealth' }).getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(within(dialog).getByRole('button', { name: 'All' }));
    expect(await cardTexts()).toHaveLength(2);
  });

  it('says where templates come from when there are none', async () => {
    const { dialog } = await openNewJourney({ 'GET /v1/templates': { body: { templates: [] } } });
    expect(
      await within(dialog).findByText(/Templates appear here when someone saves a journey as a template/),
    ).toBeTruthy();
    // A blank journey can still be started.
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toBeTruthy();
  });

  it('asks each question prefilled with the template’s value', async () => {
    const { form } = await useCardWelcome();
    expect(within(form).getByRole<HTMLInputElement>('textbox', { name: 'Name' }).value).toBe('Card welcome');
    // The id is unique among the journeys: card-welcome-1 exists already.
    expect(within(form).getByText('The journey’s id will be card-welcome-2.')).toBeTruthy();
    const event = within(form).getByRole<HTMLInputElement>('combobox', { name: 'Event when the card is activated' });
    expect(event.value).toBe('card_activated');
    // Suggestions: event names the existing journeys react to.
    const suggestions = [...(event.list?.options ?? [])].map((option) => option.value);
    expect(suggestions).toEqual(expect.arrayContaining(['card_activated', 'card_transaction']));
    expect(within(form).getByText('As your card system sends it')).toBeTruthy();
    expect(within(form).getByRole<HTMLTextAreaElement>('textbox', { name: 'Welcome text' }).value).toBe(
      'Hi {{profile.name}}',
    );
    expect(within(form).getByText('Hi Alex Chen')).toBeTruthy();
    const pool = within(form).getByRole<HTMLSelectElement>('combobox', { name: 'Coupon pool' });
    await within(pool).findByRole('option', { name: 'Cash-back 10 (cashback-10)' });
    expect(pool.value).toBe('welcome-coupon');
    const wait = within(form).getByRole('group', { name: 'Time to first spend' });
    expect(within(wait).getByRole<HTMLInputElement>('spinbutton', { name: 'Amount' }).value).toBe('7');
    expect(within(wait).getByRole<HTMLSelectElement>('combobox', { name: 'Unit' }).value).toBe('days');
    expect(within(form).getByRole<HTMLInputElement>('spinbutton', { name: 'Spend at least' }).value).toBe('99');
  });

  it('creates the journey with the answers and opens it', async () => {
    const created: JourneyDocument[] = [];
    const { runtime, form } = await useCardWelcome({
      [`POST ${createPath}`]: (body) => {
        const { id, name } = body as { id: string; name: string };
        created.push({ ...smallJourney(), id, name });
        return { status: 201, body: journeyRecord(created[0] as JourneyDocument) };
      },
      'GET /v1/journeys/card-launch-1': () => ({ body: journeyRecord(created[0] as JourneyDocument) }),
    });
    const name = within(form).getByRole('textbox', { name: 'Name' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Card launch');
    const event = within(form).getByRole('combobox', { name: 'Event when the card is activated' });
    await userEvent.clear(event);
    await userEvent.type(event, 'card_first_swipe');
    await userEvent.selectOptions(
      await within(form).findByRole('combobox', { name: 'Coupon pool' }),
      'Cash-back 10 (cashback-10)',
    );
    const amount = within(within(form).getByRole('group', { name: 'Time to first spend' })).getByRole('spinbutton');
    await userEvent.clear(amount);
    await userEvent.type(amount, '3');
    const threshold = within(form).getByRole('spinbutton', { name: 'Spend at least' });
    await userEvent.clear(threshold);
    await userEvent.type(threshold, '199.5');
    await userEvent.click(within(form).getByRole('button', { name: 'Create and open' }));

    expect(await screen.findByRole('heading', { name: 'Card launch', level: 1 })).toBeTruthy();
    expect(window.location.hash).toBe('#/journeys/card-launch-1');
    expect(runtime.callsTo('POST', createPath).map((call) => call.body)).toEqual([
      {
        id: 'card-launch-1',
        name: 'Card launch',
        parameters: {
          activation: 'card_first_swipe',
          welcome: 'Hi {{profile.name}}',
          coupon: 'cashback-10',
          patience: 'P3D',
          threshold: 199.5,
        },
      },
    ]);
  });

  it('shows the runtime’s refusal of a value at its field', async () => {
    const { runtime, form } = await useCardWelcome({
      [`POST ${createPath}`]: {
        status: 400,
        body: {
          error: 'Bad Request',
          message: 'The parameters do not fit the template',
          issues: [{ path: 'parameters.activation', message: 'event names use letters, digits, "_", "." and "-"' }],
        },
      },
    });
    const event = within(form).getByRole('combobox', { name: 'Event when the card is activated' });
    await userEvent.clear(event);
    await userEvent.type(event, 'card activated!');
    await userEvent.click(within(form).getByRole('button', { name: 'Create and open' }));
    await within(form).findByText('event names use letters, digits, "_", "." and "-"');
    expect(event.getAttribute('aria-invalid')).toBe('true');
    expect(
      within(form).getByRole('combobox', {
        name: 'Event when the card is activated',
        description: /event names use letters/,
      }),
    ).toBe(event);
    // Named at its field, it is not repeated above the form; the dialog stays open for a correction.
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(runtime.callsTo('POST', createPath)).toHaveLength(1);
  });

  it('says so when the journey id has been taken meanwhile', async () => {
    const { form } = await useCardWelcome({
      [`POST ${createPath}`]: { status: 409, body: { error: 'Conflict', message: 'Journey card-welcome-2 exists' } },
    });
    await userEvent.click(within(form).getByRole('button', { name: 'Create and open' }));
    expect(
      await within(form).findByRole('textbox', {
        name: 'Name',
        description: 'A journey with the id card-welcome-2 already exists; choose another name.',
      }),
    ).toBeTruthy();
  });

  it('goes back to the gallery, keeping the name typed for a blank journey', async () => {
    const { dialog } = await openNewJourney();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Spring campaign');
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Use template Card welcome' }));
    const form = screen.getByRole('dialog', { name: 'New journey from “Card welcome”' });
    expect(within(form).getByRole<HTMLInputElement>('textbox', { name: 'Name' }).value).toBe('Spring campaign');
    await userEvent.click(within(form).getByRole('button', { name: 'Back' }));
    const again = screen.getByRole('dialog', { name: 'New journey' });
    expect(within(again).getByRole<HTMLInputElement>('textbox', { name: 'Name' }).value).toBe('Spring campaign');
  });

  it('deletes a template after a confirmation', async () => {
    let templates = [cardWelcome, maturity];
    const { runtime, dialog } = await openNewJourney({
      'GET /v1/templates': () => ({ body: { templates } }),
      [`DELETE /v1/templates/${cardWelcome.id}`]: () => {
        templates = [maturity];
        return {};
      },
    });
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Delete template Card welcome' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete template “Card welcome”?' });
    expect(runtime.callsTo('DELETE', `/v1/templates/${cardWelcome.id}`)).toHaveLength(0);
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Deleted template “Card welcome”')).toBeTruthy();
    const gallery = screen.getByRole('dialog', { name: 'New journey' });
    await within(gallery).findByRole('button', { name: 'Use template Wealth maturity reminder' });
    expect(within(gallery).queryByRole('button', { name: 'Use template Card welcome' })).toBeNull();
    expect(runtime.callsTo('DELETE', `/v1/templates/${cardWelcome.id}`)).toHaveLength(1);
  });

  it('shows the templates and their questions in Chinese where translated, in their own words elsewhere', async () => {
    setLocale('zh-CN');
    const translated: TemplateSummary = {
      ...cardWelcome,
      translations: {
        'zh-CN': {
          name: '信用卡新户欢迎',
          category: '信用卡',
          parameters: {
            activation: { label: '卡片激活事件', hint: '按发卡系统发送的事件名填写' },
            welcome: { label: '欢迎短信内容' },
          },
        },
      },
    };
    fakeRuntime({
      'GET /v1/journeys': { body: { journeys: [journeyRecord(exampleJourney)] } },
      'GET /v1/templates': { body: { templates: [translated, maturity] } },
    });
    renderApp('/');
    await userEvent.click(await screen.findByRole('button', { name: '新建旅程' }));
    const dialog = screen.getByRole('dialog', { name: '新建旅程' });
    const cards = within(await within(dialog).findByRole('list')).getAllByRole('listitem');
    expect(cards.map((card) => card.textContent)).toEqual([
      '信用卡新户欢迎信用卡Welcome new cardholders and reward their first spend.6 个步骤 · 5 项填写使用删除',
      expect.stringMatching(/^Wealth maturity reminderWealth/),
    ]);
    await userEvent.click(within(dialog).getByRole('button', { name: '信用卡' }));
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(1);

    await userEvent.click(within(dialog).getByRole('button', { name: '使用模板 信用卡新户欢迎' }));
    const form = screen.getByRole('dialog', { name: '从“信用卡新户欢迎”新建旅程' });
    expect(within(form).getByRole<HTMLInputElement>('textbox', { name: '名称' }).value).toBe('信用卡新户欢迎');
    expect(within(form).getByText('旅程 ID 将是 card-welcome-1。')).toBeTruthy();
    expect(within(form).getByRole<HTMLInputElement>('combobox', { name: '卡片激活事件' }).value).toBe('card_activated');
    expect(within(form).getByText('按发卡系统发送的事件名填写')).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: '欢迎短信内容' })).toBeTruthy();
    // Untranslated questions keep the template's own words.
    expect(within(form).getByRole('spinbutton', { name: 'Spend at least' })).toBeTruthy();
  });

  it('offers no delete to someone who may not edit', async () => {
    const { dialog } = await openNewJourney({ 'GET /v1/auth/me': { body: { name: 'Sam', role: 'supervisor' } } });
    await within(dialog).findByRole('button', { name: 'Use template Card welcome' });
    expect(within(dialog).queryByRole('button', { name: /^Delete template/ })).toBeNull();
  });
});
