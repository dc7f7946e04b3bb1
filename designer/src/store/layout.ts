import type { JourneyDocument } from '@journey/shared';
import type { ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import { acceptsInput, outputsOf } from './catalogView';
import type { Point } from './documentOps';
import { ESTIMATED_NODE_SIZE, type NodeSize } from './flowElements';

const inputPort = (nodeId: string) => `${nodeId}\u0000in`;
const outputPort = (nodeId: string, handleId: string) => `${nodeId}\u0000out\u0000${handleId}`;

/**
 * Left-to-right layered layout with elkjs. Handles become ports, outputs in catalog order, so a condition's
 * branches and a split's variants keep their top-to-bottom order. (Without the input ports ELK would
 * still cross a split's edges to shorten the ones after it.)
 */
export async function layoutPositions(
  document: JourneyDocument,
  measured: Readonly<Record<string, NodeSize>>,
): Promise<Map<string, Point>> {
  // elkjs is large; load it on first use rather than with the app.
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const ports = new Set<string>();
  const port = (id: string, side: 'WEST' | 'EAST', index: number): ElkPort => {
    ports.add(id);
    return { id, layoutOptions: { 'elk.port.side': side, 'elk.port.index': String(index) } };
  };
  const children: ElkNode[] = document.nodes.map((node) => ({
    id: node.id,
    ...(measured[node.id] ?? ESTIMATED_NODE_SIZE),
    layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
    ports: [
      ...(acceptsInput(node.type) ? [port(inputPort(node.id), 'WEST', 0)] : []),
      ...outputsOf(node).map((handle, index) => port(outputPort(node.id, handle.id), 'EAST', index)),
    ],
  }));
  const nodeIds = new Set(document.nodes.map((node) => node.id));
  // An edge whose handle or target is broken (the validator reports it) is laid out node to node.
  const end = (portId: string, nodeId: string) => (ports.has(portId) ? portId : nodeId);
  const edges = document.edges
    .filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target))
    .map((edge) => ({
      id: edge.id,
      sources: [end(outputPort(edge.source, edge.sourceHandle), edge.source)],
      targets: [end(inputPort(edge.target), edge.target)],
    }));
  const result = await new ELK().layout({
    id: 'journey',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '32',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children,
    edges,
  });
  return new Map((result.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]));
}
