import { type GlobalTimeSeries, globalMetricsOf } from '@journey/shared';
import { act, screen, waitFor } from '@testing-library/react';
import { getInstanceByDom } from 'echarts/core';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeLiveServer } from '../live/fakeLiveServer';
import { fakeRuntime, renderApp } from '../test/runtime';
import { rangeEndingAt } from './timeWindows';

vi.mock('socket.io-client', async () => (await import('../live/fakeLiveServer')).socketIoClient);

const NOW = new Date('2026-03-02T02:30:00.000Z');
const summary = { entered: 10, active: 4, converted: 2, messagesSent: 8, benefitsGranted: 1 };
const totals = globalMetricsOf({ 'payroll-offer': summary, other: { ...summary, entered: 20 } });
const series: GlobalTimeSeries = {
  ...rangeEndingAt('hour', NOW.getTime()),
  points: [
    { at: '2026-03-02T02:29:00.000Z', entered: 7, converted: 1, messagesSent: 4 },
    { at: '2026-03-02T02:30:00.000Z', entered: 3, converted: 0, messagesSent: 2 },
  ],
};

/** The totals monitor at `route` on a runtime whose every-journey series for the last hour is `series`. */
async function openTotals(route: string) {
  const runtime = fakeRuntime({
    'GET /v1/journeys': { body: { journeys: [] } },
    [`GET /v1/metrics/timeseries?${new URLSearchParams({ ...rangeEndingAt('hour', NOW.getTime()) })}`]: {
      body: series,
    },
  });
  renderApp(route);
  await waitFor(() => expect(fakeLiveServer.subscriptions()).toContainEqual({ global: true }));
  act(() => fakeLiveServer.send('global:snapshot', totals));
  return runtime;
}

/** What the time-series chart draws: each line's name and values. */
function chartedLines() {
  const chart = getInstanceByDom(screen.getByRole('img', { name: 'Over time' }));
  const { series: lines } = (chart?.getOption() ?? {}) as { series?: Array<{ name: string; data: number[] }> };
  return lines?.map(({ name, data }) => ({ name, data }));
}

// The app loads the monitor (with echarts) on demand: load it once here, so no test waits out its import.
beforeAll(() => import('./MonitorPage'));
beforeEach(() => vi.useFakeTimers({ now: NOW, toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

describe('totals monitor time series', () => {
  it.each(['/monitor', '/monitor/wall'])('charts every journey summed over the last hour at %s', async (route) => {
    const runtime = await openTotals(route);
    await waitFor(() =>
      expect(chartedLines()).toEqual([
        { name: 'Entries', data: [7, 3] },
        { name: 'Conversions', data: [1, 0] },
        { name: 'Messages sent', data: [4, 2] },
      ]),
    );
    expect(runtime.calls.filter((call) => call.path.startsWith('/v1/journeys/'))).toEqual([]);
  });

  it('adds what the live totals gain after the fetch to the current bucket', async () => {
    await openTotals('/monitor');
    await waitFor(() => expect(chartedLines()?.[0]?.data).toEqual([7, 3]));
    act(() =>
      fakeLiveServer.send('global:delta', {
        journeys: { other: { entered: 5, active: 5, converted: 2, messagesSent: 1, benefitsGranted: 0 } },
      }),
    );
    await waitFor(() =>
      expect(chartedLines()).toEqual([
        { name: 'Entries', data: [7, 8] },
        { name: 'Conversions', data: [1, 2] },
        { name: 'Messages sent', data: [4, 3] },
      ]),
    );
  });
});
