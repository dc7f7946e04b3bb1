import type { JourneyDocument, JourneyEdge, JourneyNode, JourneySettings } from '../src';

/** Test-only builder: nodes as `[id, type, config]`, edges as `[source, handle, target]`. */
export function journey(
  nodes: Array<[string, string, Record<string, unknown>]>,
  edges: Array<[string, string, string]>,
  settings: Partial<JourneySettings> = {},
): JourneyDocument {
  return {
    schemaVersion: 1,
    id: 'j1',
    name: 'Test journey',
    settings: { reentry: 'never', timezone: 'Asia/Shanghai', ...settings },
    nodes: nodes.map(
      ([id, type, config], index): JourneyNode => ({ id, type, position: { x: index * 200, y: 0 }, config }),
    ),
    edges: edges.map(
      ([source, sourceHandle, target]): JourneyEdge => ({
        id: `${source}-${sourceHandle}`,
        source,
        sourceHandle,
        target,
      }),
    ),
  };
}

export const DAY = 86_400_000;
/** 2026-11-23T02:00:00Z = Monday 10:00 in Asia/Shanghai. */
export const MONDAY_10AM_SHANGHAI = Date.UTC(2026, 10, 23, 2, 0, 0);
