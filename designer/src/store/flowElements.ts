import type { JourneyEdge, JourneyNode } from '@journey/shared';
import { type Edge, MarkerType, type Node } from '@xyflow/react';

// React Flow's nodes and edges are a view of the journey document plus UI state (selection, measured size).
// The caches give an unchanged node the same object on every derivation, so React Flow skips it.

export type JourneyNodeData = { node: JourneyNode };
export type JourneyFlowNode = Node<JourneyNodeData, 'journey'>;
export type JourneyFlowEdge = Edge<Record<string, never>, 'journey'>;

export interface NodeSize {
  width: number;
  height: number;
}

/** About the size of a rendered node card; used before React Flow has measured one. */
export const ESTIMATED_NODE_SIZE: NodeSize = { width: 200, height: 96 };

const flowNodes = new WeakMap<JourneyNode, JourneyFlowNode>();
const flowEdges = new WeakMap<JourneyEdge, JourneyFlowEdge>();

export function toFlowNodes(
  nodes: readonly JourneyNode[],
  selectedIds: readonly string[],
  measured: Readonly<Record<string, NodeSize>>,
): JourneyFlowNode[] {
  const selected = new Set(selectedIds);
  return nodes.map((node) => {
    const isSelected = selected.has(node.id);
    const size = measured[node.id];
    const cached = flowNodes.get(node);
    if (cached && cached.selected === isSelected && cached.measured === size) return cached;
    const flowNode: JourneyFlowNode = {
      id: node.id,
      type: 'journey',
      position: node.position,
      data: { node },
      selected: isSelected,
      measured: size,
    };
    flowNodes.set(node, flowNode);
    return flowNode;
  });
}

export function toFlowEdges(edges: readonly JourneyEdge[], selectedIds: readonly string[]): JourneyFlowEdge[] {
  const selected = new Set(selectedIds);
  return edges.map((edge) => {
    const isSelected = selected.has(edge.id);
    const cached = flowEdges.get(edge);
    if (cached && cached.selected === isSelected) return cached;
    const flowEdge: JourneyFlowEdge = {
      id: edge.id,
      type: 'journey',
      source: edge.source,
      sourceHandle: edge.sourceHandle,
      target: edge.target,
      selected: isSelected,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    };
    flowEdges.set(edge, flowEdge);
    return flowEdge;
  });
}
