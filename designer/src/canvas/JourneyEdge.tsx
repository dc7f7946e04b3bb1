import { BaseEdge, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import { LiveEdgeCount } from '../live/LiveEdgeCount';
import { useSimulationStore } from '../simulate/simulationStore';
import type { JourneyFlowEdge } from '../store/flowElements';

/**
 * A connection drawn as React Flow's default curve, with its live traversal count while live numbers are on.
 * It reads its own highlight, and the count reads itself, so a change re-renders only the part it touches.
 */
function JourneyEdgeView({ id, markerEnd, ...geometry }: EdgeProps<JourneyFlowEdge>) {
  const traversed = useSimulationStore((state) => state.traversedEdgeIds.has(id));
  const [path, labelX, labelY] = getBezierPath(geometry);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={traversed ? 'traversed' : undefined} />
      <LiveEdgeCount edgeId={id} x={labelX} y={labelY} />
    </>
  );
}

export const JourneyEdge = memo(JourneyEdgeView);
