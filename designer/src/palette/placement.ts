import type { JourneyNode } from '@journey/shared';
import type { Point } from '../store/documentOps';
import { ESTIMATED_NODE_SIZE, type NodeSize } from '../store/flowElements';

/** Space kept around a node added by click, in flow units. */
const GAP = 24;

/**
 * The free spot nearest to `center` (a node's top-left) on a grid of node-sized cells, so that adding
 * by click never hides a node under another.
 */
export function freeSpotNear(
  center: Point,
  nodes: readonly JourneyNode[],
  measured: Readonly<Record<string, NodeSize>>,
): Point {
  const { width, height } = ESTIMATED_NODE_SIZE;
  const overlaps = (spot: Point) =>
    nodes.some((node) => {
      const size = measured[node.id] ?? ESTIMATED_NODE_SIZE;
      return (
        spot.x < node.position.x + size.width + GAP &&
        node.position.x < spot.x + width + GAP &&
        spot.y < node.position.y + size.height + GAP &&
        node.position.y < spot.y + height + GAP
      );
    });
  const cells = [-3, -2, -1, 0, 1, 2, 3].flatMap((column) =>
    [-3, -2, -1, 0, 1, 2, 3].map((row) => ({
      x: Math.round(center.x + column * (width + GAP)),
      y: Math.round(center.y + row * (height + GAP)),
    })),
  );
  const distance = (spot: Point) => Math.hypot(spot.x - center.x, spot.y - center.y);
  return cells.sort((a, b) => distance(a) - distance(b)).find((spot) => !overlaps(spot)) ?? center;
}
