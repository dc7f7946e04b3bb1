import { JourneyMonitor } from './JourneyMonitor';
import { TotalsMonitor } from './TotalsMonitor';

/**
 * The monitor (loaded on demand, with echarts): one journey's live figures, or with no journey the totals
 * across journeys; `wall` is the big-screen mode for a wall display.
 */
export function MonitorPage({ journeyId, wall }: { journeyId: string | null; wall: boolean }) {
  return journeyId === null ? <TotalsMonitor wall={wall} /> : <JourneyMonitor journeyId={journeyId} wall={wall} />;
}
