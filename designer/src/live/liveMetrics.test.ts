import { emptyJourneyMetrics, type JourneyMetrics } from '@journey/shared';
import { describe, expect, it } from 'vitest';
import { smallJourney } from '../test/fixtures';
import { type LiveMetricsEvent, notWatching, reduceLiveMetrics } from './liveMetrics';

const journeyId = 'test-journey';
const empty = () => emptyJourneyMetrics(journeyId, null, [smallJourney()]);

function snapshotWith(counters: Partial<Pick<JourneyMetrics, 'entered'>> & { helloActive?: number }): JourneyMetrics {
  const snapshot = empty();
  snapshot.entered = counters.entered ?? 0;
  if (snapshot.nodes.hello) snapshot.nodes.hello.active = counters.helloActive ?? 0;
  return snapshot;
}

const fold = (events: LiveMetricsEvent[]) => events.reduce(reduceLiveMetrics, notWatching);
const watch: LiveMetricsEvent = { type: 'watch', journeyId };

describe('the live metrics reducer', () => {
  it('starts from the snapshot and folds deltas into it', () => {
    const state = fold([
      watch,
      { type: 'snapshot', snapshot: snapshotWith({ entered: 10, helloActive: 2 }) },
      {
        type: 'delta',
        delta: { journeyId, counters: { 'journey:entered': 3, 'node:hello:active': 1, 'edge:e3': 4 }, remaining: {} },
      },
      {
        type: 'delta',
        delta: { journeyId, counters: { 'node:hello:active': -2, 'goal:converted': 1 }, remaining: {} },
      },
    ]);
    expect(state.metrics?.entered).toBe(13);
    expect(state.metrics?.nodes.hello?.active).toBe(1);
    expect(state.metrics?.edges.e3).toBe(4);
    expect(state.metrics?.goal.converted).toBe(1);
  });

  it('takes the snapshot after a reconnect in place of what it had', () => {
    const state = fold([
      watch,
      { type: 'snapshot', snapshot: snapshotWith({ entered: 10 }) },
      { type: 'delta', delta: { journeyId, counters: { 'journey:entered': 5 }, remaining: {} } },
      { type: 'connection', connection: { state: 'reconnecting' } },
      { type: 'connection', connection: { state: 'connected' } },
      { type: 'snapshot', snapshot: snapshotWith({ entered: 12 }) },
    ]);
    expect(state.metrics?.entered).toBe(12);
    expect(state.connection).toEqual({ state: 'connected' });
  });

  it('ignores snapshots and deltas of another journey', () => {
    const other = { ...snapshotWith({ entered: 99 }), journeyId: 'other' };
    const state = fold([
      watch,
      { type: 'snapshot', snapshot: snapshotWith({ entered: 10 }) },
      { type: 'snapshot', snapshot: other },
      { type: 'delta', delta: { journeyId: 'other', counters: { 'journey:entered': 7 }, remaining: {} } },
    ]);
    expect(state.metrics?.entered).toBe(10);
  });

  it('drops deltas that arrive before any snapshot', () => {
    const state = fold([
      watch,
      { type: 'delta', delta: { journeyId, counters: { 'journey:entered': 1 }, remaining: {} } },
    ]);
    expect(state.metrics).toBeNull();
  });

  it('forgets the figures when watching stops or moves to another journey', () => {
    const watched = fold([watch, { type: 'snapshot', snapshot: snapshotWith({ entered: 10 }) }]);
    expect(reduceLiveMetrics(watched, { type: 'watch', journeyId: null })).toEqual(notWatching);
    expect(reduceLiveMetrics(watched, { type: 'watch', journeyId: 'other' }).metrics).toBeNull();
  });

  it('leaves the previous state untouched', () => {
    const snapshot = snapshotWith({ entered: 10 });
    const watched = fold([watch, { type: 'snapshot', snapshot }]);
    reduceLiveMetrics(watched, {
      type: 'delta',
      delta: { journeyId, counters: { 'journey:entered': 1 }, remaining: {} },
    });
    expect(watched.metrics).toBe(snapshot);
    expect(snapshot.entered).toBe(10);
  });
});
