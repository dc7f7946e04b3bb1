import type { Locale } from '@journey/shared';
import { create } from 'zustand';
import type { Entry } from '../inspector/KeyValueRows';
import { sampleProfiles } from '../inspector/templatePreview';
import type { Simulation } from './simulation';

// The simulation lives beside the journey store, never in it: stepping a test customer is not an edit
// and must not enter the undo history or the autosaved draft.

export interface TestCustomerForm {
  id: string;
  attributes: Entry[];
  tags: string[];
}

interface SimulationState {
  customer: TestCustomerForm;
  simulation: Simulation | null;
  /** Derived from `simulation` for the canvas: nodes entered so far and edges travelled. */
  visitedNodeIds: ReadonlySet<string>;
  traversedEdgeIds: ReadonlySet<string>;
}

interface SimulationActions {
  setCustomer(customer: TestCustomerForm): void;
  setSimulation(simulation: Simulation | null): void;
  /** A fresh start for another journey: the sample customer, no simulation. */
  reset(locale: Locale): void;
}

export const sampleCustomer = (locale: Locale): TestCustomerForm => ({
  id: 'test-customer',
  attributes: Object.entries(sampleProfiles[locale]),
  tags: ['payroll'],
});

const NONE: ReadonlySet<string> = new Set();

export const useSimulationStore = create<SimulationState & SimulationActions>()((set) => ({
  customer: sampleCustomer('en'),
  simulation: null,
  visitedNodeIds: NONE,
  traversedEdgeIds: NONE,
  setCustomer: (customer) => set({ customer }),
  setSimulation: (simulation) =>
    set({
      simulation,
      visitedNodeIds: simulation ? new Set(simulation.timeline.flatMap((step) => step.entered)) : NONE,
      traversedEdgeIds: simulation ? new Set(simulation.traversedEdgeIds) : NONE,
    }),
  reset: (locale) =>
    set({ customer: sampleCustomer(locale), simulation: null, visitedNodeIds: NONE, traversedEdgeIds: NONE }),
}));

/** How the canvas marks a node while simulating: where the customer is, where they have been. */
export type SimulationMark = 'current' | 'visited' | undefined;

export function useSimulationMark(nodeId: string): SimulationMark {
  return useSimulationStore((state) => {
    if (state.simulation?.currentNodeId === nodeId) return 'current';
    return state.visitedNodeIds.has(nodeId) ? 'visited' : undefined;
  });
}
