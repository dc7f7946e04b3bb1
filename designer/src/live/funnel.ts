import type { JourneyDocument, JourneyEdge, JourneyMetrics } from '@journey/shared';

export interface FunnelRow {
  /** The node, or null for the last row: the goal. */
  nodeId: string | null;
  /** Customers who entered the node (or converted, for the goal). */
  count: number;
  /** `count` / customers who entered the journey; null before anyone entered. */
  share: number | null;
}

/**
 * The funnel along the journey's main path, ending with the goal: from the trigger, out of each node by its
 * busiest edge that does not end at an exit (the first such edge while none has traffic), until there is
 * none or the path comes back to a node on it. Exits are left out: reaching one means leaving unconverted.
 */
export function mainPathFunnel(document: JourneyDocument, metrics: JourneyMetrics): FunnelRow[] {
  const nodes = new Map(document.nodes.map((node) => [node.id, node]));
  const traversals = (edge: JourneyEdge) => metrics.edges[edge.id] ?? 0;
  const row = (nodeId: string | null, count: number): FunnelRow => ({
    nodeId,
    count,
    share: metrics.entered > 0 ? count / metrics.entered : null,
  });
  const rows: FunnelRow[] = [];
  const onPath = new Set<string>();
  let current = document.nodes.find((node) => node.type === 'trigger');
  while (current && !onPath.has(current.id)) {
    const { id } = current;
    onPath.add(id);
    rows.push(row(id, metrics.nodes[id]?.entered ?? 0));
    const busiest = document.edges
      .filter((edge) => edge.source === id && nodes.get(edge.target)?.type !== 'exit')
      .reduce<JourneyEdge | undefined>(
        (best, edge) => (best === undefined || traversals(edge) > traversals(best) ? edge : best),
        undefined,
      );
    current = busiest && nodes.get(busiest.target);
  }
  rows.push(row(null, metrics.goal.converted));
  return rows;
}
