import type { Creative, JourneyDocument } from '@journey/shared';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useJourneyStore } from '../../store/journeyStore';
import { renewal, smallJourney } from '../../test/fixtures';
import { fakeRuntime, journeyRecord, renderApp } from '../../test/runtime';

const store = () => useJourneyStore.getState();
const helloConfig = () => store().document.nodes.find((node) => node.id === 'hello')?.config;

const balance: Creative = { ...renewal, id: 'balance-alert', name: 'Balance alert', body: 'Your balance is low' };
const welcomePush: Creative = { ...renewal, id: 'welcome-push', name: 'Card welcome', channel: 'push', title: 'Hi' };

/** The editor on a journey whose message step `hello` is selected, with the library above. */
async function openMessage(document: JourneyDocument = smallJourney()) {
  fakeRuntime({
    [`GET /v1/journeys/${document.id}`]: { body: journeyRecord(document) },
    [`PUT /v1/journeys/${document.id}`]: (body) => ({ body: journeyRecord(body as JourneyDocument) }),
    'GET /v1/creatives': { body: { creatives: [balance, welcomePush, renewal] } },
  });
  renderApp(`/journeys/${document.id}`);
  await screen.findByRole('heading', { name: document.name, level: 1 }, { timeout: 5000 });
  act(() => store().select(['hello']));
  return screen.getByRole('tabpanel');
}

describe('message text from the library', () => {
  it('offers the creatives of the step’s channel, and choosing one replaces the written text', async () => {
    const user = userEvent.setup();
    const inspector = await openMessage();
    await user.click(within(inspector).getByRole('radio', { name: 'From library' }));
    // Until a creative is chosen the step keeps its own text.
    expect(helloConfig()).toEqual({ channel: 'sms', template: { body: 'Hi {{profile.name}}' } });
    const picker = within(inspector).getByRole('combobox', { name: 'Creative' });
    expect(
      within(picker)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Choose a creative…', 'Balance alert', 'Renewal offer']);
    await user.type(within(inspector).getByRole('searchbox', { name: 'Search the library' }), 'matures');
    expect(
      within(picker)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Choose a creative…', 'Renewal offer']);

    await user.selectOptions(picker, 'renewal-offer');
    expect(helloConfig()).toEqual({ channel: 'sms', creativeId: 'renewal-offer' });
    expect(within(inspector).getByRole('figure').textContent).toContain('Hi Alex Chen, your deposit matures soon');
    // Its compliance state, as the library shows it.
    expect(within(inspector).getByText('Approved').className).toContain('approval-approved');
    expect(within(inspector).getByRole('link', { name: 'Edit in library' }).getAttribute('href')).toBe(
      '#/creatives/renewal-offer',
    );
    expect(screen.getByTestId('node-hello').textContent).toContain('SMS: “Renewal offer”');
    expect(within(screen.getByRole('region', { name: 'Problems' })).getByText('None: ready to publish')).toBeTruthy();
  });

  it('“Use a copy instead” writes the creative’s words into the step, to edit there', async () => {
    const user = userEvent.setup();
    const document = smallJourney();
    document.nodes = document.nodes.map((node) =>
      node.id === 'hello' ? { ...node, config: { channel: 'sms', creativeId: 'renewal-offer' } } : node,
    );
    const inspector = await openMessage(document);
    expect((within(inspector).getByRole('radio', { name: 'Write here' }) as HTMLInputElement).disabled).toBe(true);
    await user.click(within(inspector).getByRole('button', { name: 'Use a copy instead' }));
    expect(helloConfig()).toEqual({ channel: 'sms', template: { body: renewal.body } });
    const body = within(inspector).getByRole('textbox', { name: 'Text' }) as HTMLTextAreaElement;
    expect(body.value).toBe(renewal.body);
    expect((within(inspector).getByRole('radio', { name: 'Write here' }) as HTMLInputElement).checked).toBe(true);
  });

  it('shows a creative of another channel as a problem after the channel changes', async () => {
    const user = userEvent.setup();
    const document = smallJourney();
    document.nodes = document.nodes.map((node) =>
      node.id === 'hello' ? { ...node, config: { channel: 'sms', creativeId: 'renewal-offer' } } : node,
    );
    const inspector = await openMessage(document);
    await user.selectOptions(within(inspector).getByRole('combobox', { name: 'Channel' }), 'push');
    expect(helloConfig()).toEqual({ channel: 'push', creativeId: 'renewal-offer' });
    expect(within(inspector).getByRole('alert').textContent).toContain(
      'This creative is written for SMS, but the step sends by Push',
    );
    const problems = screen.getByRole('region', { name: 'Problems' });
    expect(within(problems).getByText('Creative for another channel')).toBeTruthy();
    expect(screen.getByTestId('node-hello').querySelector('.problem-badge.error')).toBeTruthy();
  });

  it('reports a creative that is not in the library', async () => {
    const document = smallJourney();
    document.nodes = document.nodes.map((node) =>
      node.id === 'hello' ? { ...node, config: { channel: 'sms', creativeId: 'gone' } } : node,
    );
    const inspector = await openMessage(document);
    expect((await within(inspector).findByRole('alert')).textContent).toContain('There is no creative “gone”');
    expect(within(screen.getByRole('region', { name: 'Problems' })).getByText('Unknown creative')).toBeTruthy();
  });
});
