import type { JourneyDocument } from '@journey/shared';
import { useEffect } from 'react';
import { create } from 'zustand';
import { ApiError } from '../api/http';
import { useJourneyStore } from '../store/journeyStore';

/** A problem the runtime reported when it refused the draft (e.g. a segment it does not know). */
export interface ServerProblem {
  message: string;
  path?: string;
  nodeId?: string;
}

/** Until the draft changes again, the problems listed with the local ones. */
export const useServerProblems = create<{ problems: ServerProblem[] }>()(() => ({ problems: [] }));

const NODE_PATH = /(?:^|\.)nodes\.(\d+)(?:\.|$)/;

/** The runtime's refusal as problems; a field under `nodes.N` belongs to the document's Nth node. */
export function serverProblemsOf(error: unknown, document: JourneyDocument): ServerProblem[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  if (error.issues.length === 0) return [{ message: error.message }];
  return error.issues.map(({ path, message }) => {
    const index = NODE_PATH.exec(path)?.[1];
    const nodeId = index === undefined ? undefined : document.nodes[Number(index)]?.id;
    return { message, path, ...(nodeId ? { nodeId } : {}) };
  });
}

export const setServerProblems = (problems: ServerProblem[]) => useServerProblems.setState({ problems });

/** The runtime's problems were about the draft it was sent; the first edit after makes them stale. */
export function useClearServerProblemsOnEdit(): void {
  useEffect(
    () =>
      useJourneyStore.subscribe((state, previous) => {
        if (state.document !== previous.document && useServerProblems.getState().problems.length > 0) {
          setServerProblems([]);
        }
      }),
    [],
  );
}
