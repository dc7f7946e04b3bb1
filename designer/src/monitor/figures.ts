import type { GlobalTimeSeriesPoint, JourneyMetrics, OrgMetricsDto } from '@journey/shared';

/** The headline figures of a journey's live metrics. */
export interface Kpis {
  entered: number;
  active: number;
  converted: number;
  conversionRate: number | null;
  messagesSent: number;
  /** Dispatch attempts that failed, and those that gave up after their retries. */
  failed: number;
  /** Messages not sent because a frequency cap was reached. */
  skipped: number;
}

/** Converted / entered, of a journey or of all of them; null before anyone entered. */
export const conversionRate = ({ entered, converted }: Pick<Kpis, 'entered' | 'converted'>) =>
  entered > 0 ? converted / entered : null;

export function kpisOf(metrics: JourneyMetrics): Kpis {
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const channels = Object.values(metrics.channels);
  const { entered } = metrics;
  const { converted } = metrics.goal;
  return {
    entered,
    active: sum(Object.values(metrics.nodes).map((node) => node.active)),
    converted,
    conversionRate: conversionRate({ entered, converted }),
    messagesSent: sum(channels.map((channel) => channel.sent)),
    failed: sum(channels.map((channel) => channel.failed + channel.dead)),
    skipped: sum(channels.map((channel) => channel.skipped)),
  };
}

type SeriesFigure = 'entered' | 'converted' | 'messagesSent';
export type SeriesFigures = Pick<Kpis, SeriesFigure>;
const seriesFigures: readonly SeriesFigure[] = ['entered', 'converted', 'messagesSent'];

/**
 * The time series with what happened since it was fetched added to its last bucket (the current one):
 * live totals now minus the live totals when it was fetched (of a journey, or of all of them). The next fetch puts
 * every event in its bucket.
 */
export function withLiveTail(
  points: readonly GlobalTimeSeriesPoint[],
  atFetch: SeriesFigures | null,
  now: SeriesFigures | null,
): GlobalTimeSeriesPoint[] {
  const last = points.at(-1);
  if (!last || !atFetch || !now) return [...points];
  const tail = { ...last };
  for (const figure of seriesFigures) tail[figure] += Math.max(0, now[figure] - atFetch[figure]);
  return [...points.slice(0, -1), tail];
}

type BranchRow = OrgMetricsDto['groups'][number];

/**
 * The branches to rank, most conversions first (then most entered): the units right below the top of
 * the organisation (the branches under a head office), or the top units themselves in a flat one.
 */
export function branchLeaderboard(report: OrgMetricsDto): BranchRow[] {
  const roots = new Set(report.groups.filter((group) => group.parentId === null).map((group) => group.id));
  const belowRoots = report.groups.filter((group) => group.parentId !== null && roots.has(group.parentId));
  const rows = belowRoots.length > 0 ? belowRoots : report.groups;
  return [...rows].sort((a, b) => b.converted - a.converted || b.entered - a.entered);
}
