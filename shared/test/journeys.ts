import { buildJourney, type EdgeSpec, type JourneyDocument, type JourneySettings, type NodeSpec } from '../src';

/** Test-only shorthand: `buildJourney` with the id `j1`. */
export function journey(
  nodes: readonly NodeSpec[],
  edges: readonly EdgeSpec[],
  settings: Partial<JourneySettings> = {},
): JourneyDocument {
  return buildJourney('j1', nodes, edges, settings);
}

export const DAY = 86_400_000;
/** 2026-11-23T02:00:00Z = Monday 10:00 in Asia/Shanghai. */
export const MONDAY_10AM_SHANGHAI = Date.UTC(2026, 10, 23, 2, 0, 0);
