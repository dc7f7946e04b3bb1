import { buildJourney } from '@journey/shared';
import { expect, inject, it } from 'vitest';
import { RuntimeApi, uniqueId } from '../src/api';
import { useBrowser } from '../src/browser';
import { inspector, nodeOnCanvas, selectNode } from '../src/canvas';

const browser = useBrowser();
const api = new RuntimeApi(inject('baseUrl'));

interface SentMessage {
  customerId: string;
  nodeId: string;
  channel: string;
  body: string;
  status: string;
}

it('writes a message once in the library, chooses it in a journey, publishes, and sends its words', async () => {
  const session = await browser.session('creatives');
  const { page, step } = session;
  const run = uniqueId('e2e-creative');
  const creativeName = `Renewal ${run}`;
  const body = 'Hi {{profile.name}}, your deposit matures on Friday. Reply 1 to renew at 2.1%.';

  // The library: a new SMS creative, its id taken from the name.
  await session.open('/creatives');
  await page.getByRole('button', { name: 'New creative' }).click();
  const form = page.getByRole('form', { name: 'New creative' });
  await form.getByRole('textbox', { name: 'Name' }).fill(creativeName);
  const creativeId = await form.getByRole('textbox', { name: 'Id' }).inputValue();
  expect(creativeId).toBe(`renewal-${run}`);
  await form.getByRole('textbox', { name: 'Text', exact: true }).fill(body);
  await form.getByRole('figure').getByText('Hi Alex Chen, your deposit matures on Friday.', { exact: false }).waitFor();
  await step('new creative');
  await form.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(new RegExp(`#/creatives/${creativeId}$`));
  await page.getByRole('table').getByRole('link', { name: creativeName }).waitFor();
  await page.getByRole('region', { name: 'Used by' }).getByText('No journey uses it.').waitFor();
  await step('creative saved');

  // A journey whose message has no text yet: the draft cannot be published.
  const journeyId = `${run}-journey`;
  const event = `${run}_maturing`;
  await api.createJourney(
    buildJourney(
      journeyId,
      [
        ['maturing', 'trigger', { kind: 'event', event }],
        ['offer', 'message', { channel: 'sms', template: { body: '' } }],
        ['done', 'exit', {}],
      ],
      [
        ['maturing', 'next', 'offer'],
        ['offer', 'sent', 'done'],
      ],
    ),
  );
  await session.open(`/journeys/${journeyId}`);
  await nodeOnCanvas(page, 'offer').waitFor();
  const problems = page.getByRole('region', { name: 'Problems' });
  await problems.getByText('1 error').waitFor();
  await step('journey with an empty message');

  // Choose the creative in the message's inspector: the problem goes, the card names the creative.
  await selectNode(page, 'offer');
  const panel = inspector(page);
  await panel.getByRole('radio', { name: 'From library' }).check();
  await panel.getByRole('searchbox', { name: 'Search the library' }).fill(run);
  await panel.getByRole('combobox', { name: 'Creative' }).selectOption(creativeId);
  await panel
    .getByRole('figure')
    .getByText('Hi Alex Chen, your deposit matures on Friday.', { exact: false })
    .waitFor();
  await problems.getByText('None: ready to publish').waitFor();
  await expect.poll(() => nodeOnCanvas(page, 'offer').textContent()).toContain(`SMS: “${creativeName}”`);
  await step('creative chosen');

  const publish = page.getByRole('button', { name: 'Publish', exact: true });
  await expect.poll(() => publish.isEnabled()).toBe(true);
  await publish.click();
  const dialog = page.getByRole('dialog', { name: 'Publish version 1' });
  const confirm = dialog.getByRole('button', { name: 'Publish version 1' });
  await expect.poll(() => confirm.isEnabled()).toBe(true);
  await confirm.click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('.top-bar').getByText('Live · v1').waitFor();
  await step('published');

  // The draft keeps the reference; the version carries the creative's words, and so does the message sent.
  expect((await api.journey(journeyId)).draft.nodes.find((node) => node.id === 'offer')?.config).toEqual({
    channel: 'sms',
    creativeId,
  });
  const [version] = await api.versions(journeyId);
  expect(version?.document.nodes.find((node) => node.id === 'offer')?.config).toEqual({
    channel: 'sms',
    creativeId,
    template: { body },
  });
  const customerId = `${run}-customer`;
  await api.putCustomer(customerId, { name: 'Zhang Min' });
  await api.sendEvents([{ eventId: uniqueId('evt'), customerId, type: event }]);
  await api.advanceClock('PT1M');
  const sent = async () =>
    (
      await api.request<{ messages: SentMessage[] }>(
        'GET',
        `/v1/messages?${new URLSearchParams({ journeyId, customerId })}`,
      )
    ).messages.map(({ nodeId, channel, body: text }) => ({ nodeId, channel, body: text }));
  await expect.poll(sent).toEqual([
    {
      nodeId: 'offer',
      channel: 'sms',
      body: 'Hi Zhang Min, your deposit matures on Friday. Reply 1 to renew at 2.1%.',
    },
  ]);

  // Back in the library, the creative lists the journey that uses it, live.
  await session.open(`/creatives/${creativeId}`);
  const usedBy = page.getByRole('region', { name: 'Used by' });
  await usedBy
    .getByRole('link', { name: `Journey ${journeyId}` })
    .first()
    .waitFor();
  await step('used by the live journey');
  expect(session.pageErrors).toEqual([]);
});
