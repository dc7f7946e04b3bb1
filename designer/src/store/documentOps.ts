import { catalog, type JourneyDocument, type JourneyEdge, type JourneyNode, type NodeType } from '@journey/shared';
import { acceptsInput, outputsOf } from './catalogView';

// Pure edits of a journey document. Each returns a new document and keeps unchanged nodes and edges by
// reference, so the canvas re-renders only what changed.

export interface Point {
  x: number;
  y: number;
}

/** Nodes with the edges among them: what copy puts on the clipboard and paste inserts. */
export interface Fragment {
  nodes: JourneyNode[];
  edges: JourneyEdge[];
}

export interface ConnectionRequest {
  source: string;
  sourceHandle?: string | null;
  target: string;
}

/** `prefix-1`, `prefix-2`, … : the first one not in `taken` (readable ids make documents and logs easier to read). */
export function uniqueId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.has(id)) return id;
  }
}

export function createNode(document: JourneyDocument, type: NodeType, position: Point): JourneyNode {
  const id = uniqueId(type, new Set(document.nodes.map((node) => node.id)));
  return { id, type, position, config: structuredClone(catalog[type].defaultConfig) };
}

/**
 * Whether an edge may be drawn: the source handle is one of the source node's outputs, the target takes
 * input (not a trigger), and it is not a self loop. An occupied handle is fine: `connect` rewires it.
 */
export function canConnect(document: JourneyDocument, connection: ConnectionRequest): boolean {
  const { source, sourceHandle, target } = connection;
  if (!sourceHandle || source === target) return false;
  const sourceNode = document.nodes.find((node) => node.id === source);
  const targetNode = document.nodes.find((node) => node.id === target);
  if (!sourceNode || !targetNode || !acceptsInput(targetNode.type)) return false;
  return outputsOf(sourceNode).some((handle) => handle.id === sourceHandle);
}

/**
 * Adds the edge, replacing any edge already leaving the same handle: each handle leads to exactly one
 * next step, so drawing from a used handle means "go here instead". Invalid connections change nothing.
 */
export function connect(document: JourneyDocument, connection: ConnectionRequest): JourneyDocument {
  const { source, sourceHandle, target } = connection;
  if (!sourceHandle || !canConnect(document, connection)) return document;
  const existing = document.edges.find((edge) => edge.source === source && edge.sourceHandle === sourceHandle);
  if (existing?.target === target) return document;
  const edges = document.edges.filter((edge) => edge !== existing);
  const id = uniqueId('edge', new Set(document.edges.map((edge) => edge.id)));
  return { ...document, edges: [...edges, { id, source, sourceHandle, target }] };
}

/** Removes the nodes (with every edge touching them) and the edges. */
export function removeElements(
  document: JourneyDocument,
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string>,
): JourneyDocument {
  if (nodeIds.size === 0 && edgeIds.size === 0) return document;
  return {
    ...document,
    nodes: document.nodes.filter((node) => !nodeIds.has(node.id)),
    edges: document.edges.filter(
      (edge) => !edgeIds.has(edge.id) && !nodeIds.has(edge.source) && !nodeIds.has(edge.target),
    ),
  };
}

/** Replaces one node; when its output handles change (a branch or variant removed), edges from vanished handles go too. */
export function replaceNode(document: JourneyDocument, nodeId: string, update: (node: JourneyNode) => JourneyNode) {
  const current = document.nodes.find((node) => node.id === nodeId);
  if (!current) return document;
  const next = update(current);
  const handles = new Set(outputsOf(next).map((handle) => handle.id));
  return {
    ...document,
    nodes: document.nodes.map((node) => (node === current ? next : node)),
    edges: document.edges.filter((edge) => edge.source !== nodeId || handles.has(edge.sourceHandle)),
  };
}

/** Moves nodes; nodes whose position does not change keep their identity. */
export function moveNodes(document: JourneyDocument, positions: ReadonlyMap<string, Point>): JourneyDocument {
  let moved = false;
  const nodes = document.nodes.map((node) => {
    const position = positions.get(node.id);
    if (!position || (position.x === node.position.x && position.y === node.position.y)) return node;
    moved = true;
    return { ...node, position: { x: position.x, y: position.y } };
  });
  return moved ? { ...document, nodes } : document;
}

/** The nodes `nodeIds` and the edges running between two of them. */
export function extractFragment(document: JourneyDocument, nodeIds: ReadonlySet<string>): Fragment {
  return {
    nodes: document.nodes.filter((node) => nodeIds.has(node.id)),
    edges: document.edges.filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target)),
  };
}

/** Inserts a copy of `fragment` with fresh node and edge ids, shifted by `offset`; returns the new node ids too. */
export function insertFragment(
  document: JourneyDocument,
  fragment: Fragment,
  offset: Point,
): { document: JourneyDocument; nodeIds: string[] } {
  const takenNodeIds = new Set(document.nodes.map((node) => node.id));
  const takenEdgeIds = new Set(document.edges.map((edge) => edge.id));
  const renamed = new Map<string, string>();
  const nodes = fragment.nodes.map((node) => {
    const id = uniqueId(node.type, takenNodeIds);
    takenNodeIds.add(id);
    renamed.set(node.id, id);
    return { ...node, id, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } };
  });
  const edges = fragment.edges.flatMap((edge) => {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (!source || !target) return [];
    const id = uniqueId('edge', takenEdgeIds);
    takenEdgeIds.add(id);
    return [{ ...edge, id, source, target }];
  });
  return {
    document: { ...document, nodes: [...document.nodes, ...nodes], edges: [...document.edges, ...edges] },
    nodeIds: nodes.map((node) => node.id),
  };
}
