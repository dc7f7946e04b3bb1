import { buildJourney, type JourneyTemplate } from '@journey/shared';
import { expect, inject, it } from 'vitest';
import { RuntimeApi, uniqueId } from '../src/api';
import { useBrowser } from '../src/browser';
import { nodeOnCanvas } from '../src/canvas';

const browser = useBrowser();
const api = new RuntimeApi(inject('baseUrl'));

/** A small card-welcome template: a trigger, a wait, an SMS, with the event, the wait and the text asked for. */
function cardWelcomeTemplate(name: string): Omit<JourneyTemplate, 'id'> {
  const document = buildJourney(
    'card-welcome-example',
    [
      ['activated', 'trigger', { kind: 'event', event: 'card_activated' }],
      ['pause', 'wait', { duration: 'P1D' }],
      ['welcome-sms', 'message', { channel: 'sms', template: { body: 'Hi {{profile.name}}, welcome to your card.' } }],
      ['end', 'exit', {}],
    ],
    [
      ['activated', 'next', 'pause'],
      ['pause', 'next', 'welcome-sms'],
      ['welcome-sms', 'sent', 'end'],
    ],
  );
  return {
    name,
    category: 'Credit cards',
    description: 'Welcomes a new cardholder a day after the card is activated.',
    parameters: [
      {
        key: 'activation',
        label: 'Event when the card is activated',
        hint: 'The event name your card system sends.',
        kind: 'event',
        targets: ['nodes.activated.config.event'],
      },
      { key: 'delay', label: 'Wait before the SMS', kind: 'duration', targets: ['nodes.pause.config.duration'] },
      {
        key: 'welcomeText',
        label: 'Welcome SMS text',
        kind: 'text',
        targets: ['nodes.welcome-sms.config.template.body'],
      },
    ],
    document,
  };
}

it('creates a journey from a template with changed answers, and saves a journey as a template', async () => {
  const session = await browser.session('templates');
  const { page, step } = session;
  // The size of a small laptop: the dialog must fit without scrolling the page behind it.
  await page.setViewportSize({ width: 1280, height: 800 });
  const templateId = uniqueId('e2e-card-welcome');
  const templateName = `Card welcome ${templateId.slice(-6)}`;
  await api.request('PUT', `/v1/templates/${templateId}`, cardWelcomeTemplate(templateName), 201);

  // The gallery in "New journey" shows the template's card.
  await session.open('/');
  await page.getByRole('button', { name: 'New journey' }).click();
  const gallery = page.getByRole('dialog', { name: 'New journey' });
  const use = gallery.getByRole('button', { name: `Use template ${templateName}` });
  await use.scrollIntoViewIfNeeded();
  await step('template gallery');
  await use.click();

  // Its questions, prefilled with the example journey's values; answer two of them differently.
  const form = page.getByRole('dialog', { name: `New journey from “${templateName}”` });
  const event = form.getByRole('combobox', { name: 'Event when the card is activated' });
  await expect.poll(() => event.inputValue()).toBe('card_activated');
  const journeyName = `E2E from template ${uniqueId('run')}`;
  await form.getByRole('textbox', { name: 'Name' }).fill(journeyName);
  await event.fill('card_first_swipe');
  await form.getByRole('textbox', { name: 'Welcome SMS text' }).fill('Hello {{profile.name}}, your card is ready.');
  await expect.poll(() => form.locator('.message-bubble').textContent()).toBe('Hello Alex Chen, your card is ready.');
  await step('template questions answered');
  expect(await page.evaluate(() => document.scrollingElement?.scrollTop)).toBe(0);

  await form.getByRole('button', { name: 'Create and open' }).click();
  await page.waitForURL(/#\/journeys\/[^/]+$/);
  const journeyId = decodeURIComponent(new URL(page.url()).hash.replace('#/journeys/', ''));

  // The editor shows the journey with the new event on its trigger; the draft has the new text.
  await expect.poll(() => nodeOnCanvas(page, 'activated').textContent()).toContain('card_first_swipe');
  await page.getByRole('heading', { name: journeyName, level: 1 }).waitFor();
  await step('editor of the new journey');
  const created = await api.journey(journeyId);
  expect(created.status).toBe('draft');
  expect(created.draft.nodes.find((node) => node.id === 'welcome-sms')?.config).toEqual({
    channel: 'sms',
    template: { body: 'Hello {{profile.name}}, your card is ready.' },
  });

  // "Save as template" from the editor's menu stores it with the suggested questions.
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Save as template…' }).click();
  const save = page.getByRole('dialog', { name: 'Save as template' });
  await save.getByRole('combobox', { name: 'Category' }).fill('E2E');
  await expect.poll(() => save.getByRole('checkbox').count()).toBe(3);
  await step('save as template');
  await save.getByRole('button', { name: 'Save template' }).click();
  await page.getByText(`Saved template “${journeyName}”`).waitFor();
  const { templates } = await api.request<{
    templates: Array<{ name: string; category?: string; parameters: unknown[] }>;
  }>('GET', '/v1/templates');
  expect(templates.find((template) => template.name === journeyName)).toMatchObject({
    category: 'E2E',
    parameters: [
      expect.objectContaining({ kind: 'event', default: 'card_first_swipe' }),
      expect.objectContaining({ kind: 'duration', default: 'P1D' }),
      expect.objectContaining({ kind: 'text', default: 'Hello {{profile.name}}, your card is ready.' }),
    ],
  });
  expect(session.pageErrors).toEqual([]);
});
