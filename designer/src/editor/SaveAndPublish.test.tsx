import type { JourneyDocument } from '@journey/shared';
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exampleJourney } from '../store/exampleJourney';
import { useJourneyStore } from '../store/journeyStore';
import { fakeRuntime, journeyRecord, journeyVersion, type Routes, renderApp } from '../test/runtime';

const store = () => useJourneyStore.getState();
const journeyPath = `/v1/journeys/${exampleJourney.id}`;

/** The editor on the example journey; the runtime saves drafts unless `routes` say otherwise. */
async function openEditor(routes: Routes, record = journeyRecord(exampleJourney)) {
  const runtime = fakeRuntime({
    [`GET ${journeyPath}`]: { body: record },
    [`PUT ${journeyPath}`]: (body) => ({ body: { ...record, draft: body } }),
    ...routes,
  });
  renderApp(`/journeys/${exampleJourney.id}`);
  await screen.findByRole('heading', { name: exampleJourney.name, level: 1 });
  return runtime;
}

const saveIndicator = () => screen.getByRole('status', { name: '' }).textContent;

afterEach(() => vi.useRealTimers());

describe('autosave', () => {
  it('saves the draft 800 ms after the last edit and says so', async () => {
    const runtime = await openEditor({});
    vi.useFakeTimers();
    act(() => store().updateDetails({ name: 'Card welcome v2' }));
    expect(saveIndicator()).toBe('Unsaved changes');
    await act(() => vi.advanceTimersByTimeAsync(799));
    expect(runtime.callsTo('PUT', journeyPath)).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(runtime.callsTo('PUT', journeyPath).map((call) => call.body)).toEqual([store().document]);
    // The save names the revision it was based on, so it cannot silently overwrite a draft saved elsewhere.
    expect(runtime.callsTo('PUT', journeyPath).map((call) => call.ifMatch)).toEqual([`"rev-${exampleJourney.name}"`]);
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(saveIndicator()).toBe('Saved');
  });

  it('shows the server’s refusal with the field it names, and retries', async () => {
    let refuse = true;
    const runtime = await openEditor({
      [`PUT ${journeyPath}`]: (body) =>
        refuse
          ? {
              status: 400,
              body: {
                error: 'Bad Request',
                message: 'The journey document is not valid',
                issues: [{ path: 'body.name', message: 'Too small: expected string to have >=1 characters' }],
              },
            }
          : { body: journeyRecord(body as JourneyDocument) },
    });
    vi.useFakeTimers();
    act(() => store().updateDetails({ name: '' }));
    await act(() => vi.advanceTimersByTimeAsync(850));
    expect(saveIndicator()).toMatch(/^Save failed/);
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('Your changes are not saved');
    expect(banner.textContent).toContain('The journey document is not valid');
    expect(within(banner).getByText('body.name').parentElement?.textContent).toContain('Too small');
    refuse = false;
    fireEvent.click(within(banner).getByRole('button', { name: 'Retry' }));
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(saveIndicator()).toBe('Saved');
    expect(runtime.callsTo('PUT', journeyPath)).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('publishing', () => {
  const live = journeyRecord(exampleJourney, { status: 'live', liveVersion: 1 });
  const routes: Routes = {
    [`GET ${journeyPath}/versions`]: { body: { versions: [journeyVersion(exampleJourney, 1)] } },
    [`POST ${journeyPath}/publish`]: {
      status: 201,
      body: { version: journeyVersion(exampleJourney, 2), changes: [], migrated: 0 },
    },
  };

  it('lists the changes since the live version in plain words, then publishes', async () => {
    const runtime = await openEditor(routes, live);
    act(() => {
      store().updateNodeConfig('wait-1', { duration: 'P2D' });
      store().updateNodeLabel('message-2', 'Push welcome');
    });
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish version 2' });
    await within(dialog).findByText('2 changes since version 1, the live one:');
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Changed the settings of Wait (wait-1)', 'Renamed Message “Welcome push” to “Push welcome”']);
    // The runtime publishes the draft it has: the edits were saved before the dialog offered to publish.
    expect(runtime.callsTo('PUT', journeyPath).at(-1)?.body).toEqual(store().document);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish version 2' }));
    expect(await screen.findByText('Version 2 is live')).toBeTruthy();
    expect(runtime.callsTo('POST', `${journeyPath}/publish`)).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('has nothing to publish after layout-only edits', async () => {
    const runtime = await openEditor(routes, live);
    act(() => store().onNodesChange([{ type: 'position', id: 'exit-1', position: { x: 2000, y: 400 } }]));
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nothing to publish' });
    expect(await within(dialog).findByText(/^No changes since version 1/)).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: /^Publish/ })).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(runtime.callsTo('POST', `${journeyPath}/publish`)).toHaveLength(0);
  });

  it('shows a refusal from the runtime in the problems list', async () => {
    await openEditor({
      ...routes,
      [`GET ${journeyPath}/versions`]: { body: { versions: [] } },
      [`POST ${journeyPath}/publish`]: {
        status: 400,
        body: {
          error: 'Bad Request',
          message: 'The draft has 1 problem(s) to fix before publishing',
          issues: [{ path: 'draft.nodes.1.config.duration', message: 'Segment-free wait is too long' }],
        },
      },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish version 1' });
    await within(dialog).findByText(/This is the first version/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish version 1' }));
    expect(await within(dialog).findByText('The runtime refused to publish')).toBeTruthy();
    const problems = screen.getByRole('region', { name: 'Problems' });
    const problem = within(problems).getByText('Refused by the runtime').closest('button');
    expect(problem?.textContent).toContain('Segment-free wait is too long');
    expect(problem?.textContent).toContain('Wait');
  });

  it('says when publishing waits for another person’s approval', async () => {
    await openEditor(
      {
        ...routes,
        [`POST ${journeyPath}/publish`]: {
          status: 202,
          body: { approval: { id: 7, status: 'pending', requestedBy: 'Ann' } },
        },
      },
      live,
    );
    act(() => store().updateNodeConfig('wait-1', { duration: 'P2D' }));
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish version 2' });
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Publish version 2' }));
    expect(await screen.findByText(/^Sent for approval/)).toBeTruthy();
  });
});

describe('versions', () => {
  it('lists who published when, and tells in words what changed between two', async () => {
    const v1 = journeyVersion(exampleJourney, 1, 'Grace');
    const v2 = journeyVersion(
      {
        ...exampleJourney,
        nodes: exampleJourney.nodes.map((node) =>
          node.id === 'wait-1' ? { ...node, label: 'Cooling-off', config: { duration: 'P2D' } } : node,
        ),
      },
      2,
      null,
    );
    await openEditor(
      { [`GET ${journeyPath}/versions`]: { body: { versions: [v1, v2] } } },
      journeyRecord(exampleJourney, { status: 'live', liveVersion: 2 }),
    );
    await userEvent.click(screen.getByRole('tab', { name: 'Versions' }));
    const panel = screen.getByRole('tabpanel');
    const items = await within(panel).findAllByRole('checkbox');
    expect(items.map((item) => item.closest('label')?.textContent)).toEqual([
      'Current draftWith your latest edits',
      expect.stringMatching(/^Version 2Live.* · unknown$/),
      expect.stringMatching(/^Version 1.* · Grace$/),
    ]);
    await userEvent.click(items[1] as HTMLElement);
    await userEvent.click(items[2] as HTMLElement);
    const comparison = within(panel).getByRole('region', { name: 'Comparison' });
    expect(within(comparison).getByRole('heading').textContent).toBe('From Version 1 to Version 2');
    expect(
      within(comparison)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Renamed Wait (wait-1) to “Cooling-off”', 'Changed the settings of Wait “Cooling-off”']);
  });
});
