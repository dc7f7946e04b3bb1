import { CURRENT_SCHEMA_VERSION, type JourneyDocument, type JourneySettings } from './document';

/** A node as `[id, type, config]`. */
export type NodeSpec = readonly [id: string, type: string, config: Record<string, unknown>];
/** An edge as `[source, sourceHandle, target]`; its id is `source-sourceHandle` (a handle has one edge). */
export type EdgeSpec = readonly [source: string, sourceHandle: string, target: string];

/**
 * A journey document from compact node and edge lists, laid out left to right: for scripts, tests and
 * examples that would otherwise spell out positions and edge ids. Settings default to no re-entry in Shanghai time.
 */
export function buildJourney(
  id: string,
  nodes: readonly NodeSpec[],
  edges: readonly EdgeSpec[],
  settings: Partial<JourneySettings> = {},
): JourneyDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name: `Journey ${id}`,
    settings: { reentry: 'never', timezone: 'Asia/Shanghai', ...settings },
    nodes: nodes.map(([nodeId, type, config], index) => ({
      id: nodeId,
      type,
      position: { x: index * 240, y: 0 },
      config,
    })),
    edges: edges.map(([source, sourceHandle, target]) => ({
      id: `${source}-${sourceHandle}`,
      source,
      sourceHandle,
      target,
    })),
  };
}
