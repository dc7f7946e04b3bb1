import type { Creative, JourneyDocument } from '@journey/shared';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useJourneyStore } from '../store/journeyStore';
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

describe('the draft as it would be sent, with creative approval required', () => {
  /** The library as the runtime lists it with creative approval on. */
  const approvalRequired = (creative: Creative): Routes => ({
    'GET /v1/creatives': { body: { creatives: [creative], approvalRequired: true } },
  });
  /** Approved as the fixture's words, then edited: customers still get the approved words. */
  const edited: Creative = {
    ...renewal,
    body: 'Unreviewed: {{profile.name}}, 9.9% guaranteed!',
    revision: 3,
    approval: {
      state: 'changesPending',
      approvedRevision: 2,
      approvedBy: 'Wang Fang',
      approvedAt: '2026-01-05T03:00:00.000Z',
      approvedBody: renewal.body,
    },
  };

  it('reports a creative never approved as a problem, and refuses to publish', async () => {
    await openEditor(approvalRequired({ ...renewal, approval: { state: 'notApproved' } }));
    const problems = screen.getByRole('region', { name: 'Problems' });
    expect(await within(problems).findByText('Creative not approved')).toBeTruthy();
    expect(within(problems).getByText(/has never been approved for sending/)).toBeTruthy();
    const publish = screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement;
    expect(publish.disabled).toBe(true);
    expect(publish.closest('span')?.title).toBe('1 problem to fix');

    act(() => useJourneyStore.getState().select(['hello']));
    expect(within(screen.getByRole('tabpanel')).getByRole('alert').textContent).toContain(
      'the journey cannot be published until it is',
    );
  });

  it('simulates and previews the approved words, not edits awaiting approval', async () => {
    await openEditor(approvalRequired(edited));
    expect(within(screen.getByRole('region', { name: 'Problems' })).getByText('None: ready to publish')).toBeTruthy();

    act(() => useJourneyStore.getState().select(['hello']));
    const inspector = screen.getByRole('tabpanel');
    expect(within(inspector).getByRole('figure').textContent).toContain('Hi Alex Chen, your deposit matures soon');
    expect(within(inspector).getByText(/^Customers get the approved text shown here/)).toBeTruthy();

    act(() => useJourneyStore.getState().select([]));
    await userEvent.click(screen.getByRole('tab', { name: 'Simulate' }));
    const panel = screen.getByRole('tabpanel');
    await userEvent.click(within(panel).getByRole('button', { name: 'Enter journey' }));
    expect(within(panel).getByText('Hi Alex Chen, your deposit matures soon')).toBeTruthy();
    expect(within(panel).queryByText(/9\.9% guaranteed/)).toBeNull();
  });

  it('has nothing to publish when the live version holds the approved words', async () => {
    const published = withCreative({ body: renewal.body });
    await openEditor({
      ...approvalRequired(edited),
      [`GET /v1/journeys/${published.id}/versions`]: { body: { versions: [journeyVersion(published, 1)] } },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nothing to publish' });
    expect(await within(dialog).findByText(/^No changes since version 1/)).toBeTruthy();
  });
});
