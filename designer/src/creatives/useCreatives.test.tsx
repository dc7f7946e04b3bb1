import type { JourneyDocument } from '@journey/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renewal, smallJourney } from '../test/fixtures';
import { fakeRuntime, journeyRecord, journeyVersion, type Routes, renderApp } from '../test/runtime';

/** trigger → message → exit; the message takes the creative's words (`template` as publishing writes it). */
function withCreative(template?: { body: string }): JourneyDocument {
  const { nodes, ...document } = smallJourney();
  return {
    ...document,
    nodes: nodes
      .filter((node) => ['start', 'hello', 'done'].includes(node.id))
      .map((node) =>
        node.id === 'hello'
          ? { ...node, config: { channel: 'sms', creativeId: renewal.id, ...(template && { template }) } }
          : node,
      ),
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
      { id: 'e2', source: 'hello', sourceHandle: 'sent', target: 'done' },
    ],
  };
}

async function openEditor(routes: Routes = {}) {
  const draft = withCreative();
  fakeRuntime({
    [`GET /v1/journeys/${draft.id}`]: {
      body: journeyRecord(draft, { status: 'live', liveVersion: 1 }),
    },
    [`PUT /v1/journeys/${draft.id}`]: (body) => ({ body: journeyRecord(body as JourneyDocument) }),
    'GET /v1/creatives': { body: { creatives: [renewal] } },
    ...routes,
  });
  renderApp(`/journeys/${draft.id}`);
  await screen.findByRole('heading', { name: draft.name, level: 1 }, { timeout: 5000 });
  await screen.findByText('SMS: “Renewal offer”');
}

describe('the draft as it would be sent', () => {
  it('has nothing to publish when the live version holds the creative’s current words', async () => {
    const published = withCreative({ body: renewal.body });
    await openEditor({
      [`GET /v1/journeys/${published.id}/versions`]: { body: { versions: [journeyVersion(published, 1)] } },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nothing to publish' });
    expect(await within(dialog).findByText(/^No changes since version 1/)).toBeTruthy();
  });

  it('lists a change when the creative’s words changed since the live version', async () => {
    const published = withCreative({ body: 'Your deposit matures soon' });
    await openEditor({
      [`GET /v1/journeys/${published.id}/versions`]: { body: { versions: [journeyVersion(published, 1)] } },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish version 2' });
    expect(await within(dialog).findByText('1 change since version 1, the live one:')).toBeTruthy();
  });

  it('simulates the creative’s words', async () => {
    await openEditor();
    await userEvent.click(screen.getByRole('tab', { name: 'Simulate' }));
    const panel = screen.getByRole('tabpanel');
    await userEvent.click(within(panel).getByRole('button', { name: 'Enter journey' }));
    expect(within(panel).getByText('Hi Alex Chen, your deposit matures soon')).toBeTruthy();
  });
});
