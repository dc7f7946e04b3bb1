import { emptyJourneyMetrics, type OrgMetricsDto } from '@journey/shared';
import { describe, expect, it } from 'vitest';
import { smallJourney } from '../test/fixtures';
import { branchLeaderboard, kpisOf, withLiveTail } from './figures';

const figures = {
  tasksIssued: 0,
  tasksDone: 0,
  tasksSold: 0,
  executionRate: null,
  successRate: null,
  referredConversions: 0,
};
const unit = (id: string, parentId: string | null, entered: number, converted: number) => ({
  id,
  name: id,
  parentId,
  entered,
  converted,
  ...figures,
});
const report = (groups: OrgMetricsDto['groups']): OrgMetricsDto => ({
  journeyId: 'j',
  version: null,
  groupBy: 'branch',
  groups,
  unassigned: { entered: 0, converted: 0, ...figures },
  total: { entered: 0, converted: 0, ...figures },
});

describe('monitor figures', () => {
  it('sum the headline figures over nodes and channels', () => {
    const metrics = emptyJourneyMetrics('test-journey', null, [smallJourney()]);
    metrics.entered = 40;
    metrics.goal.converted = 10;
    Object.assign(metrics.nodes.pause ?? {}, { active: 5 });
    Object.assign(metrics.nodes.hello ?? {}, { active: 2 });
    metrics.channels.push = { queued: 0, sent: 3, failed: 0, skipped: 0, deferred: 0, dead: 1 };
    Object.assign(metrics.channels.sms ?? {}, { sent: 20, failed: 2, skipped: 4 });
    expect(kpisOf(metrics)).toEqual({
      entered: 40,
      active: 7,
      converted: 10,
      conversionRate: 0.25,
      messagesSent: 23,
      failed: 3,
      skipped: 4,
    });
  });

  it('add what happened since the fetch to the last bucket of the series', () => {
    const point = (at: string, entered: number) => ({ at, entered, converted: 1, messagesSent: 2, nodesEntered: {} });
    const points = [point('10:00', 5), point('10:01', 3)];
    const tail = withLiveTail(
      points,
      { entered: 100, converted: 10, messagesSent: 50 },
      { entered: 104, converted: 11, messagesSent: 50 },
    );
    expect(tail.map((p) => [p.entered, p.converted, p.messagesSent])).toEqual([
      [5, 1, 2],
      [7, 2, 2],
    ]);
    expect(points[1]?.entered).toBe(3);
    expect(withLiveTail(points, null, { entered: 104, converted: 11, messagesSent: 50 })).toEqual(points);
  });

  it('rank the branches under the head office, most conversions first', () => {
    const ranked = branchLeaderboard(
      report([unit('hq', null, 90, 9), unit('a', 'hq', 30, 2), unit('b', 'hq', 60, 7), unit('a1', 'a', 10, 1)]),
    );
    expect(ranked.map((row) => row.id)).toEqual(['b', 'a']);
    expect(branchLeaderboard(report([unit('x', null, 5, 1), unit('y', null, 9, 1)])).map((row) => row.id)).toEqual([
      'y',
      'x',
    ]);
  });
});
