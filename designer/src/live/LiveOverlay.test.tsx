import { emptyJourneyMetrics } from '@journey/shared';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { JourneyStatus } from '../api/journeys';
import { useJourneyStore } from '../store/journeyStore';
import { smallJourney } from '../test/fixtures';
import { fakeRuntime, journeyRecord, renderApp } from '../test/runtime';
import { fakeLiveServer } from './fakeLiveServer';

vi.mock('socket.io-client', async () => (await import('./fakeLiveServer')).socketIoClient);

const document = smallJourney();

async function openEditor(status: JourneyStatus) {
  fakeRuntime({
    [`GET /v1/journeys/${document.id}`]: { body: journeyRecord(document, { status, liveVersion: 1 }) },
  });
  renderApp(`/journeys/${document.id}`);
  await screen.findByRole('heading', { name: document.name, level: 1 });
}

function snapshot() {
  const metrics = emptyJourneyMetrics(document.id, null, [document]);
  metrics.entered = 120;
  metrics.goal.converted = 30;
  Object.assign(metrics.nodes.start ?? {}, { entered: 120 });
  Object.assign(metrics.nodes.pause ?? {}, { entered: 120, active: 20 });
  Object.assign(metrics.nodes.ab ?? {}, { entered: 100 });
  Object.assign(metrics.nodes.hello ?? {}, { entered: 45 });
  Object.assign(metrics.edges, { e1: 120, e2: 100, e3: 45, e4: 55 });
  return metrics;
}

const badges = (nodeId: string) => screen.queryByTestId(`live-counts-${nodeId}`)?.textContent;

describe('live overlay', () => {
  it('shows live counts on the nodes and the funnel of a live journey, outside the undo history', async () => {
    await openEditor('live');
    await waitFor(() => expect(fakeLiveServer.subscriptions()).toEqual([{ journeyId: document.id }]));
    const history = useJourneyStore.temporal.getState().pastStates.length;

    act(() => fakeLiveServer.send('metrics:snapshot', snapshot()));
    expect(badges('pause')).toBe('20 active120 entered');
    const panel = screen.getByRole('complementary', { name: 'Live numbers' });
    expect(within(panel).getByRole('status').textContent).toBe('Live');
    const funnel = within(panel).getByRole('list', { name: 'Funnel' });
    expect(
      within(funnel)
        .getAllByRole('listitem')
        .map((step) => step.textContent),
    ).toEqual([
      'Trigger120100%',
      'Wait120100%',
      'A/B split10083.3%',
      'Message4537.5%',
      'Goal reached (all paths)3025%',
    ]);

    act(() =>
      fakeLiveServer.send('metrics:delta', {
        journeyId: document.id,
        counters: { 'node:pause:active': -5, 'node:ab:entered': 5 },
        remaining: {},
      }),
    );
    expect(badges('pause')).toBe('15 active120 entered');
    expect(badges('ab')).toBe('105 entered');
    expect(useJourneyStore.temporal.getState().pastStates).toHaveLength(history);
  });

  it('can be switched off, and starts off on a paused journey', async () => {
    await openEditor('paused');
    const toggle = screen.getByRole('checkbox', { name: 'Live numbers' });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    expect(fakeLiveServer.subscriptions()).toEqual([]);

    await userEvent.click(toggle);
    await waitFor(() => expect(fakeLiveServer.subscriptions()).toEqual([{ journeyId: document.id }]));
    act(() => fakeLiveServer.send('metrics:snapshot', snapshot()));
    expect(badges('start')).toBe('120 entered');

    await userEvent.click(toggle);
    expect(badges('start')).toBeUndefined();
    expect(fakeLiveServer.subscriptions()).toEqual([]);
  });

  it('is not offered on a draft', async () => {
    await openEditor('draft');
    expect(screen.queryByRole('checkbox', { name: 'Live numbers' })).toBeNull();
  });
});
