import type { JourneyDocument } from '@journey/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JourneyRecord } from '../api/journeys';
import { exampleJourney } from '../store/exampleJourney';
import { smallJourney } from '../test/fixtures';
import { fakeRuntime, journeyRecord, type Routes, renderApp } from '../test/runtime';

const NOW = new Date('2026-01-05T03:00:00.000Z');

const welcome = journeyRecord(exampleJourney, {
  status: 'live',
  liveVersion: 3,
  updatedAt: '2026-01-05T02:55:00.000Z',
});
const small = journeyRecord(smallJourney(), { updatedAt: '2026-01-03T03:00:00.000Z' });

function openList(routes: Routes = {}, journeys: JourneyRecord[] = [welcome, small]) {
  const runtime = fakeRuntime({
    'GET /v1/journeys': { body: { journeys } },
    // Customers who entered, and where they are now (the rest of the metrics does not matter here).
    [`GET /v1/journeys/${welcome.id}/metrics`]: {
      body: {
        entered: 1200,
        nodes: {
          'trigger-1': { entered: 1200, active: 0 },
          'wait-1': { entered: 1100, active: 340 },
          'exit-1': { entered: 700, active: 0 },
        },
      },
    },
    ...routes,
  });
  renderApp('/');
  return runtime;
}

const rowOf = async (name: string) => (await screen.findByRole('link', { name })).closest('tr') as HTMLElement;

afterEach(() => vi.useRealTimers());
// The editor is a lazy chunk; loading it once here keeps its first compile out of the tests' time limits.
beforeAll(() => import('../editor/EditorPage'), 30_000);

describe('journeys list', () => {
  it('shows each journey with its status, live version, counts and last edit', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    openList();
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    const welcomeRow = await rowOf(exampleJourney.name);
    await within(welcomeRow).findByText('1,200');
    expect(cells(welcomeRow).slice(0, 6)).toEqual([
      `${exampleJourney.name}${exampleJourney.id}`,
      'Live',
      'v3',
      '1,200',
      '340',
      '5 minutes ago',
    ]);
    // Never published: no version and no numbers (nor a request for them).
    expect(cells(await rowOf('Test journey')).slice(0, 6)).toEqual([
      'Test journeytest-journey',
      'Draft',
      '—',
      '—',
      '—',
      '2 days ago',
    ]);
    expect(screen.getByRole('link', { name: exampleJourney.name }).getAttribute('href')).toBe(
      `#/journeys/${exampleJourney.id}`,
    );
  });

  it('shows "—" for counts where the runtime reports none', async () => {
    openList({ [`GET /v1/journeys/${welcome.id}/metrics`]: { status: 404, body: { message: 'No route' } } });
    const cells = within(await rowOf(exampleJourney.name)).getAllByRole('cell');
    expect(cells[3]?.textContent).toBe('—');
    expect(cells[4]?.textContent).toBe('—');
  });

  it('searches by name', async () => {
    openList();
    await rowOf('Test journey');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'WELCOME');
    expect(screen.queryByRole('link', { name: 'Test journey' })).toBeNull();
    expect(screen.getByRole('link', { name: exampleJourney.name })).toBeTruthy();
    await userEvent.type(screen.getByRole('searchbox'), 'zzz');
    expect(screen.getByText('No journey matches “WELCOMEzzz”.')).toBeTruthy();
  });

  it('creates a journey with a trigger and an exit, and opens it', async () => {
    const created: JourneyDocument[] = [];
    const runtime = openList({
      'POST /v1/journeys': (body) => {
        created.push(body as JourneyDocument);
        return { status: 201, body: journeyRecord(body as JourneyDocument) };
      },
      'GET /v1/journeys/payroll-offer-1': () => ({ body: journeyRecord(created[0] as JourneyDocument) }),
    });
    await rowOf('Test journey');
    await userEvent.click(screen.getByRole('button', { name: 'New journey' }));
    const dialog = screen.getByRole('dialog', { name: 'New journey' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Payroll offer');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create and open' }));
    expect(await screen.findByRole('heading', { name: 'Payroll offer', level: 1 })).toBeTruthy();
    expect(window.location.hash).toBe('#/journeys/payroll-offer-1');
    expect(created[0]?.nodes.map((node) => node.type)).toEqual(['trigger', 'exit']);
    expect(created[0]?.edges).toEqual([{ id: 'edge-1', source: 'trigger-1', sourceHandle: 'next', target: 'exit-1' }]);
    expect(runtime.callsTo('POST', '/v1/journeys')).toHaveLength(1);
  });

  it('duplicates a journey under a new id', async () => {
    const runtime = openList({
      'POST /v1/journeys': (body) => ({ status: 201, body: journeyRecord(body as JourneyDocument) }),
    });
    await userEvent.click(await screen.findByRole('button', { name: `Duplicate ${exampleJourney.name}` }));
    expect(await screen.findByText(`Created “${exampleJourney.name} (copy)”`)).toBeTruthy();
    const [copy] = runtime.callsTo('POST', '/v1/journeys').map((call) => call.body as JourneyDocument);
    expect(copy).toEqual({ ...exampleJourney, id: `${exampleJourney.id}-1`, name: `${exampleJourney.name} (copy)` });
  });

  it('archives a journey after a confirmation', async () => {
    const runtime = openList({
      [`POST /v1/journeys/${welcome.id}/archive`]: { body: { ...welcome, status: 'archived' } },
    });
    await userEvent.click(await screen.findByRole('button', { name: `Archive ${exampleJourney.name}` }));
    const dialog = screen.getByRole('dialog', { name: `Archive “${exampleJourney.name}”?` });
    expect(runtime.callsTo('POST', `/v1/journeys/${welcome.id}/archive`)).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Archive' }));
    expect(await screen.findByText(`Archived “${exampleJourney.name}”`)).toBeTruthy();
    expect(runtime.callsTo('POST', `/v1/journeys/${welcome.id}/archive`)).toHaveLength(1);
  });

  it('imports a journey file, and explains a file that is not one', async () => {
    const runtime = openList({
      'POST /v1/journeys': (body) => ({ status: 201, body: journeyRecord(body as JourneyDocument) }),
      [`GET /v1/journeys/${exampleJourney.id}-1`]: {
        body: journeyRecord({ ...exampleJourney, id: `${exampleJourney.id}-1` }),
      },
    });
    await rowOf('Test journey');
    const input = document.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
    await userEvent.upload(
      input,
      new File(['{"schemaVersion": 1, "id": "x"}'], 'broken.json', { type: 'application/json' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'broken.json is not a journey document' });
    expect(within(dialog).getByText('name').parentElement?.textContent).toMatch(/^name /);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await userEvent.upload(
      input,
      new File([JSON.stringify(exampleJourney)], 'welcome.json', { type: 'application/json' }),
    );
    expect(await screen.findByText(/Imported “Co-branded card welcome” as card-welcome-1/)).toBeTruthy();
    expect(runtime.callsTo('POST', '/v1/journeys').map((call) => (call.body as JourneyDocument).id)).toEqual([
      'card-welcome-1',
    ]);
  });

  it('shows the server’s message when a request fails', async () => {
    openList({
      'POST /v1/journeys': {
        status: 409,
        body: { error: 'Conflict', message: 'Journey card-welcome-1 already exists' },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: `Duplicate ${exampleJourney.name}` }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The journey could not be duplicated');
    expect(alert.textContent).toContain('Journey card-welcome-1 already exists');
  });

  it('offers a retry when the list cannot be loaded', async () => {
    fakeRuntime({
      'GET /v1/journeys': {
        status: 500,
        body: { error: 'Internal Server Error', message: 'Something went wrong on our side' },
      },
    });
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The journeys could not be loaded');
    expect(alert.textContent).toContain('Something went wrong on our side');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
