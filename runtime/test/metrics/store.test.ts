import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock';
import { openDatabase } from '../../src/db/client';
import { MetricStore, SERIES_RETENTION_MS } from '../../src/metrics/store';

const START = Date.parse('2025-03-01T08:00:00.000Z');

function openStore() {
  const { sqlite } = openDatabase(':memory:');
  const clock = new ManualClock(START);
  const store = new MetricStore(sqlite, clock);
  let writes = 0;
  store.onWrite(() => writes++);
  return { sqlite, clock, store, writes: () => writes };
}

const entered = (delta: number) => ({ journeyId: 'j', version: 1, key: 'journey:entered', delta });

describe('MetricStore', () => {
  it('hands live clients the increments of committed transactions only, once', () => {
    const { sqlite, store, writes } = openStore();
    sqlite.transaction(() => store.write([entered(2)], []))();
    expect(() =>
      sqlite.transaction(() => {
        store.write([entered(5)], []);
        throw new Error('the step failed');
      })(),
    ).toThrow('the step failed');
    sqlite.transaction(() => store.write([entered(3)], []))();

    expect(writes()).toBe(3);
    expect(store.counters('j', null)).toEqual([['journey:entered', 5]]);
    expect(store.takeCommitted()).toEqual([entered(2), entered(3)]);
    expect(store.takeCommitted()).toEqual([]);
  });

  it('waits for an open transaction to end before telling what committed', () => {
    const { sqlite, store } = openStore();
    sqlite.transaction(() => {
      store.write([entered(1)], []);
      expect(store.takeCommitted()).toEqual([]);
    })();
    expect(store.takeCommitted()).toEqual([entered(1)]);
  });

  it('keeps the series for 30 days by the clock, whatever time the counted events claim', () => {
    const { sqlite, clock, store } = openStore();
    const point = (minute: number) => ({ journeyId: 'j', minute, key: 'journey:entered', delta: 1 });
    const minutes = () => sqlite.prepare('SELECT minute FROM metric_series ORDER BY minute').pluck().all();
    sqlite.transaction(() => store.write([entered(1)], [point(START)]))();
    clock.advance(SERIES_RETENTION_MS);
    // An event stamped far in the future prunes nothing by itself.
    sqlite.transaction(() => store.write([entered(1)], [point(START + 365 * 86_400_000)]))();
    expect(minutes()).toEqual([START, START + 365 * 86_400_000]);
    clock.advance(60_000);
    sqlite.transaction(() => store.write([entered(1)], [point(clock.now())]))();
    expect(minutes()).toEqual([clock.now(), START + 365 * 86_400_000]);
  });
});
