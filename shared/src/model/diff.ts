import type { JourneyDocument, JourneyEdge, JourneyNode } from './document';

/**
 * One difference between two journey documents. Layout (node positions, edge ids) is never a
 * difference: moving a node or redrawing an edge between the same handles changes nothing.
 */
export type JourneyChange =
  | { kind: 'journey'; field: 'name' | 'description' }
  | { kind: 'settings'; field: string }
  | { kind: 'nodeAdded'; nodeId: string }
  | { kind: 'nodeRemoved'; nodeId: string }
  | { kind: 'nodeChanged'; nodeId: string; fields: Array<'type' | 'label' | 'config'> }
  | { kind: 'edgeAdded'; source: string; sourceHandle: string; target: string }
  | { kind: 'edgeRemoved'; source: string; sourceHandle: string; target: string };

/** JSON with object keys sorted, so equal values serialise equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      const record = inner as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(record)
          .sort()
          .map((key) => [key, record[key]]),
      );
    }
    return inner;
  });
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const edgeKey = (edge: JourneyEdge) => `${edge.source}\u0000${edge.sourceHandle}\u0000${edge.target}`;

function nodeChanges(before: JourneyNode, after: JourneyNode): JourneyChange | undefined {
  const fields = (['type', 'label', 'config'] as const).filter((field) => !same(before[field], after[field]));
  return fields.length > 0 ? { kind: 'nodeChanged', nodeId: after.id, fields } : undefined;
}

/** Every non-layout difference from `before` to `after`, in document order. */
export function diffJourneys(before: JourneyDocument, after: JourneyDocument): JourneyChange[] {
  const changes: JourneyChange[] = [];
  for (const field of ['name', 'description'] as const) {
    if ((before[field] ?? '') !== (after[field] ?? '')) changes.push({ kind: 'journey', field });
  }
  const settingKeys = new Set([...Object.keys(before.settings), ...Object.keys(after.settings)]);
  for (const field of [...settingKeys].sort()) {
    const key = field as keyof typeof before.settings;
    if (!same(before.settings[key], after.settings[key])) changes.push({ kind: 'settings', field });
  }
  const beforeNodes = new Map(before.nodes.map((node) => [node.id, node]));
  const afterIds = new Set(after.nodes.map((node) => node.id));
  for (const node of before.nodes) {
    if (!afterIds.has(node.id)) changes.push({ kind: 'nodeRemoved', nodeId: node.id });
  }
  for (const node of after.nodes) {
    const previous = beforeNodes.get(node.id);
    const change = previous ? nodeChanges(previous, node) : { kind: 'nodeAdded' as const, nodeId: node.id };
    if (change) changes.push(change);
  }
  const beforeEdges = new Set(before.edges.map(edgeKey));
  const afterEdges = new Set(after.edges.map(edgeKey));
  for (const edge of before.edges) {
    if (!afterEdges.has(edgeKey(edge))) {
      changes.push({ kind: 'edgeRemoved', source: edge.source, sourceHandle: edge.sourceHandle, target: edge.target });
    }
  }
  for (const edge of after.edges) {
    if (!beforeEdges.has(edgeKey(edge))) {
      changes.push({ kind: 'edgeAdded', source: edge.source, sourceHandle: edge.sourceHandle, target: edge.target });
    }
  }
  return changes;
}

/** Whether two documents would behave differently (or read differently to an operator); layout never counts. */
export function differsSemantically(a: JourneyDocument, b: JourneyDocument): boolean {
  return diffJourneys(a, b).length > 0;
}
