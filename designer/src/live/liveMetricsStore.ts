import { useEffect } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { type LiveMetricsEvent, type LiveMetricsState, notWatching, reduceLiveMetrics } from './liveMetrics';
import { watchJourney } from './liveSocket';

// Live figures live beside the journey store, never in it: they are not edits, so they stay out of the
// undo history and the draft, and a delta re-renders only the node cards and edges whose numbers changed.

export const useLiveMetricsStore = create<LiveMetricsState & { dispatch(event: LiveMetricsEvent): void }>()((set) => ({
  ...notWatching,
  dispatch: (event) => set((state) => reduceLiveMetrics(state, event)),
}));

/** Feeds the store with the journey's live funnel while `enabled`; the figures go when it stops. */
export function useLiveJourney(journeyId: string, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const { dispatch } = useLiveMetricsStore.getState();
    dispatch({ type: 'watch', journeyId });
    const stop = watchJourney(journeyId, {
      onSnapshot: (snapshot) => dispatch({ type: 'snapshot', snapshot }),
      onDelta: (delta) => dispatch({ type: 'delta', delta }),
      onConnection: (connection) => dispatch({ type: 'connection', connection }),
    });
    return () => {
      stop();
      dispatch({ type: 'watch', journeyId: null });
    };
  }, [journeyId, enabled]);
}

/** A node's live counts, or undefined while no live figures are shown; re-renders only when they change. */
export function useLiveNodeCounts(nodeId: string): { entered: number; active: number } | undefined {
  return useLiveMetricsStore(
    useShallow((state) => {
      const node = state.metrics?.nodes[nodeId];
      return node && { entered: node.entered, active: node.active };
    }),
  );
}

/** How many customers went along an edge, or undefined while no live figures are shown. */
export function useLiveEdgeCount(edgeId: string): number | undefined {
  return useLiveMetricsStore((state) => state.metrics?.edges[edgeId]);
}
