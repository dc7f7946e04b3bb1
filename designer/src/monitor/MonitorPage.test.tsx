import { emptyJourneyMetrics, type JourneyMetrics, type OrgMetricsDto, type RoiReportDto } from '@journey/shared';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeLiveServer } from '../live/fakeLiveServer';
import { smallJourney } from '../test/fixtures';
import { fakeRuntime, journeyRecord, journeyVersion, renderApp } from '../test/runtime';
import { rangeEndingAt } from './timeWindows';

vi.mock('socket.io-client', async () => (await import('../live/fakeLiveServer')).socketIoClient);

const NOW = new Date('2026-03-02T02:30:00.000Z');
const document = { ...smallJourney(), id: 'payroll-offer', name: 'Payroll offer' };
const path = '/v1/journeys/payroll-offer';

function snapshot(): JourneyMetrics {
  const metrics = emptyJourneyMetrics(document.id, null, [document]);
  metrics.entered = 1200;
  metrics.goal.converted = 96;
  Object.assign(metrics.nodes.start ?? {}, { entered: 1200 });
  Object.assign(metrics.nodes.pause ?? {}, { entered: 1100, active: 300 });
  Object.assign(metrics.nodes.ab ?? {}, { entered: 800 });
  Object.assign(metrics.nodes.hello ?? {}, { entered: 400, active: 12 });
  metrics.channels.sms = { queued: 400, sent: 380, failed: 6, skipped: 14, deferred: 20, dead: 0 };
  metrics.benefits.coupons = { granted: 50, unavailable: 3, remaining: 947 };
  return metrics;
}

const noTasks = { tasksIssued: 0, tasksDone: 0, tasksSold: 0, referredConversions: 0 };
const branches: OrgMetricsDto = {
  journeyId: document.id,
  version: null,
  groupBy: 'branch',
  groups: [
    {
      id: 'hq',
      name: 'Head office',
      parentId: null,
      entered: 1200,
      converted: 96,
      ...noTasks,
      executionRate: 0.7,
      successRate: 0.2,
    },
    {
      id: 'bj',
      name: 'Beijing',
      parentId: 'hq',
      entered: 500,
      converted: 36,
      ...noTasks,
      executionRate: 0.5,
      successRate: null,
    },
    {
      id: 'sh',
      name: 'Shanghai',
      parentId: 'hq',
      entered: 700,
      converted: 60,
      ...noTasks,
      executionRate: 0.8,
      successRate: 0.25,
    },
  ],
  unassigned: { entered: 0, converted: 0, ...noTasks, executionRate: null, successRate: null },
  total: { entered: 1200, converted: 96, ...noTasks, executionRate: 0.7, successRate: 0.2 },
};
const roiFigures = { instances: 1200, messagesSent: 380, benefitsGranted: 50, conversions: 96 };
const roi: RoiReportDto = {
  journeyId: document.id,
  version: null,
  total: { ...roiFigures, cost: 538, costPerConversion: 5.6, revenue: 48_000, roi: 88.2 },
  versions: [],
  splits: [],
};

function openMonitor(route: string) {
  const series = new URLSearchParams({ ...rangeEndingAt('hour', NOW.getTime()) });
  fakeRuntime({
    [`GET ${path}`]: { body: journeyRecord(document, { status: 'live', liveVersion: 1 }) },
    [`GET ${path}/versions`]: { body: { versions: [journeyVersion(document, 1)] } },
    [`GET ${path}/metrics/timeseries?${series}`]: { body: { journeyId: document.id, points: [] } },
    [`GET ${path}/metrics/org?groupBy=branch`]: { body: branches },
    [`GET ${path}/roi`]: { body: roi },
  });
  renderApp(route);
}

async function sendSnapshot() {
  await waitFor(() => expect(fakeLiveServer.subscriptions()).toContainEqual({ journeyId: document.id }));
  act(() => fakeLiveServer.send('metrics:snapshot', snapshot()));
}

const tile = (id: string) => screen.getByTestId(`kpi-${id}`).querySelector('dd')?.textContent;
const rowsOf = (table: string) =>
  within(screen.getByRole('table', { name: table }))
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );

beforeEach(() => vi.useFakeTimers({ now: NOW, toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

describe('monitor', () => {
  it('shows the live key figures, channels, pools, branch leaderboard and ROI', async () => {
    openMonitor('/journeys/payroll-offer/monitor');
    await sendSnapshot();

    expect(await screen.findByTestId('kpi-entered')).toBeTruthy();
    expect(tile('entered')).toBe('1,200');
    expect(tile('active')).toBe('312');
    expect(tile('converted')).toBe('96');
    expect(tile('conversionRate')).toBe('8%');
    expect(tile('messagesSent')).toBe('380');
    expect(tile('failedSkipped')).toMatch(/^6 \/ 14/);
    expect(rowsOf('Channels')).toEqual([['SMS', '400', '380', '20', '14', '6', '0']]);
    expect(rowsOf('Benefit pools')).toEqual([['coupons', '50', '3', '947']]);
    expect(await screen.findByRole('table', { name: 'Branch leaderboard' })).toBeTruthy();
    expect(rowsOf('Branch leaderboard')).toEqual([
      ['1', 'Shanghai', '700', '60', '80%', '25%'],
      ['2', 'Beijing', '500', '36', '50%', '—'],
    ]);
    expect(await screen.findByText('¥48,000')).toBeTruthy();
    expect(screen.getByText('8,820%')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Funnel' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Live');
  });

  it('moves with the deltas that follow the snapshot', async () => {
    openMonitor('/journeys/payroll-offer/monitor');
    await sendSnapshot();
    await screen.findByTestId('kpi-entered');
    act(() =>
      fakeLiveServer.send('metrics:delta', {
        journeyId: document.id,
        counters: { 'journey:entered': 5, 'goal:converted': 4, 'channel:sms:sent': 2 },
        remaining: { coupons: 940 },
      }),
    );
    expect(tile('entered')).toBe('1,205');
    expect(tile('converted')).toBe('100');
    expect(tile('messagesSent')).toBe('382');
    expect(rowsOf('Benefit pools')).toEqual([['coupons', '50', '3', '940']]);
  });

  it('has a big-screen mode for the wall, with a clock and the way back', async () => {
    openMonitor('/journeys/payroll-offer/monitor/wall');
    await sendSnapshot();
    expect(await screen.findByRole('heading', { level: 1, name: 'Payroll offer' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Leave big screen' }).getAttribute('href')).toBe(
      '#/journeys/payroll-offer/monitor',
    );
    const clock = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hour12: false }).format(NOW);
    expect(screen.getByText(clock).tagName).toBe('TIME');
    expect(tile('entered')).toBe('1,200');
  });

  it('adds up every journey in the totals view', async () => {
    fakeRuntime({
      'GET /v1/journeys': { body: { journeys: [journeyRecord(document, { status: 'live', liveVersion: 1 })] } },
    });
    renderApp('/monitor');
    await waitFor(() => expect(fakeLiveServer.subscriptions()).toContainEqual({ global: true }));
    const summary = { entered: 10, active: 4, converted: 2, messagesSent: 8, benefitsGranted: 1 };
    act(() =>
      fakeLiveServer.send('global:snapshot', {
        totals: { ...summary, entered: 30 },
        journeys: { 'payroll-offer': summary, other: { ...summary, entered: 20 } },
      }),
    );
    expect(await screen.findByTestId('kpi-entered')).toBeTruthy();
    expect(tile('entered')).toBe('30');
    expect(await screen.findByRole('link', { name: 'Payroll offer' })).toBeTruthy();
    expect(rowsOf('Journeys').map((row) => row.slice(0, 2))).toEqual([
      ['other', '20'],
      ['Payroll offer', '10'],
    ]);
  });
});
