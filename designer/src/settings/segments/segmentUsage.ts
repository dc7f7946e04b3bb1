import { type JourneyDocument, parseNodeConfig } from '@journey/shared';
import type { JourneyRecord } from '../../api/journeys';

/** The segment customers enter from: a segment trigger's, or the audience of a scheduled trigger. */
export function entrySegment(document: JourneyDocument): string | undefined {
  const trigger = document.nodes.find((node) => node.type === 'trigger');
  const parsed = trigger && parseNodeConfig('trigger', trigger.config);
  if (!parsed?.ok) return undefined;
  const { config } = parsed;
  if (config.kind === 'segment') return config.segmentId;
  return config.kind === 'schedule' && config.audience && 'segmentId' in config.audience
    ? config.audience.segmentId
    : undefined;
}

/** The journeys whose draft enters from each segment, by segment id; archived journeys enter no one. */
export function journeysBySegment(journeys: readonly JourneyRecord[]): ReadonlyMap<string, JourneyRecord[]> {
  const bySegment = new Map<string, JourneyRecord[]>();
  for (const journey of journeys) {
    const segmentId = journey.status === 'archived' ? undefined : entrySegment(journey.draft);
    if (segmentId !== undefined) bySegment.set(segmentId, [...(bySegment.get(segmentId) ?? []), journey]);
  }
  return bySegment;
}
