import { BaseEdge, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import { useSimulationStore } from '../simulate/simulationStore';
import type { JourneyFlowEdge } from '../store/flowElements';

/** A connection drawn as React Flow's default curve; it reads its own highlight so only it re-renders. */
function JourneyEdgeView({ id, markerEnd, ...geometry }: EdgeProps<JourneyFlowEdge>) {
  const traversed = useSimulationStore((state) => state.traversedEdgeIds.has(id));
  const [path] = getBezierPath(geometry);
  return <BaseEdge id={id} path={path} markerEnd={markerEnd} className={traversed ? 'traversed' : undefined} />;
}

export const JourneyEdge = memo(JourneyEdgeView);
