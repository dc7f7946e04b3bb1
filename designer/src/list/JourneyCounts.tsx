import { useQuery } from '@tanstack/react-query';
import { type JourneyRecord, journeyKeys, journeysApi } from '../api/journeys';

const NO_NUMBER = '—';

/** The "entered" and "active" cells of a journey's row: customers who entered, and who are inside now. */
export function JourneyCounts({ journey }: { journey: JourneyRecord }) {
  const metrics = useQuery({
    queryKey: journeyKeys.metrics(journey.id),
    queryFn: () => journeysApi.metrics(journey.id),
    enabled: journey.liveVersion !== null,
    retry: false,
  });
  const entered = metrics.data?.entered;
  const active = metrics.data
    ? Object.values(metrics.data.nodes).reduce((sum, node) => sum + node.active, 0)
    : undefined;
  const format = (value: number | undefined) => (value === undefined ? NO_NUMBER : value.toLocaleString());
  return (
    <>
      <td className="number">{format(entered)}</td>
      <td className="number">{format(active)}</td>
    </>
  );
}
