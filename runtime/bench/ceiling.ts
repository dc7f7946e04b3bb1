/**
 * (a) The ceiling: the pure XState work of the executor, without HTTP or SQLite, on the same events as (b).
 * Every customer holds its snapshot in memory; an event counts once even when it triggers a benefit-grant
 * follow-up step, as in the executor (which performs the grant and feeds the outcome back in the same event).
 */
import {
  compileJourney,
  createJourneyMachine,
  EFFECT_EVENT,
  type JourneyDocument,
  type JourneyEvent,
  type JourneyMachine,
  type JourneySnapshot,
  persistSnapshot,
  restoreSnapshot,
  startJourney,
  stepJourney,
} from '@journey/shared';
import { type AnyActorScope, createActor, transition } from 'xstate';
import {
  CLOCK_START,
  customerId,
  customerIndex,
  customerName,
  type EventBody,
  eventTime,
  steadyEvent,
} from './workload';

interface ReplayCustomer {
  profile: Record<string, unknown>;
  snapshot: JourneySnapshot;
  /** The snapshot as the executor stores it (used by the JSON variant only). */
  json: string;
}

/** Performs one event for one customer and tells whether the instance moved (state, context or actions). */
type Step = (customer: ReplayCustomer, event: JourneyEvent) => boolean;

export type CeilingVariant = 'stepJourney' | 'bareTransition' | 'stepJourneyWithJson' | 'reusedActorScope';

const granted = (nodeId: string, event: JourneyEvent): JourneyEvent => ({
  type: EFFECT_EVENT,
  nodeId,
  outcome: 'granted',
  at: event.at,
  properties: {},
  profile: event.profile,
  tags: event.tags,
});

function viaStepJourney(machine: JourneyMachine): Step {
  return (customer, event) => {
    const before = customer.snapshot;
    let result = stepJourney(machine, before, event);
    const moved = result.snapshot !== before || result.actions.length > 0;
    for (;;) {
      customer.snapshot = result.snapshot;
      const grant = result.actions.find((action) => action.type === 'grantBenefit');
      if (!grant) return moved;
      result = stepJourney(machine, result.snapshot, granted(grant.params.nodeId, event));
    }
  };
}

/** The node of a benefit grant among XState's executable actions, if there is one. */
function grantedNode(actions: ReadonlyArray<{ type: string; params?: unknown }>): string | undefined {
  const grant = actions.find((action) => action.type === 'grantBenefit');
  return grant ? (grant.params as { nodeId: string }).nodeId : undefined;
}

function viaBareTransition(machine: JourneyMachine): Step {
  return (customer, event) => {
    const before = customer.snapshot;
    let [next, actions] = transition(machine, before, event);
    const moved = next !== before;
    for (;;) {
      customer.snapshot = next;
      const nodeId = grantedNode(actions);
      if (nodeId === undefined) return moved;
      [next, actions] = transition(machine, next, granted(nodeId, event));
    }
  };
}

/**
 * XState without its per-call setup: `transition()` builds a throw-away actor per call, whose constructor computes
 * the machine's initial snapshot (for this machine it even throws and catches, as there is no input). This variant
 * keeps one inert actor scope per machine and calls `machine.transition` directly, collecting the actions the way
 * `transition()` does (`actionExecutor`, an XState internal): what a step could cost, shown for comparison.
 */
function viaReusedActorScope(machine: JourneyMachine): Step {
  const executed: Array<{ type: string; params?: unknown }> = [];
  const self = createActor(machine, {
    input: { customerId: '', journeyId: '', at: CLOCK_START, properties: {}, profile: {}, tags: [] },
  });
  const scope = {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    defer: () => {},
    emit: () => {},
    logger: () => {},
    stopChild: () => {},
    actionExecutor: (action: { type: string; params?: unknown }) => void executed.push(action),
  } as unknown as AnyActorScope;
  const step = (snapshot: JourneySnapshot, event: JourneyEvent): JourneySnapshot => {
    executed.length = 0;
    return machine.transition(snapshot, event, scope);
  };
  return (customer, event) => {
    const before = customer.snapshot;
    let next = step(before, event);
    const moved = next !== before;
    for (;;) {
      customer.snapshot = next;
      const nodeId = grantedNode(executed);
      if (nodeId === undefined) return moved;
      next = step(next, granted(nodeId, event));
    }
  };
}

/** stepJourney plus the executor's JSON round trip: parse + restore before, stringify after a move. */
function viaStepJourneyWithJson(machine: JourneyMachine): Step {
  const step = viaStepJourney(machine);
  return (customer, event) => {
    customer.snapshot = restoreSnapshot(machine, JSON.parse(customer.json));
    const moved = step(customer, event);
    if (moved) customer.json = JSON.stringify(persistSnapshot(customer.snapshot));
    return moved;
  };
}

const steppers: Record<CeilingVariant, (machine: JourneyMachine) => Step> = {
  stepJourney: viaStepJourney,
  bareTransition: viaBareTransition,
  stepJourneyWithJson: viaStepJourneyWithJson,
  reusedActorScope: viaReusedActorScope,
};

/** Customers as they are after the trigger event: entered, waiting at wait-first-spend. */
function enteredCustomers(
  machine: JourneyMachine,
  journeyId: string,
  customers: number,
  stride: number,
): Array<ReplayCustomer | undefined> {
  const profile = { name: customerName(0) };
  const scope = { at: CLOCK_START, properties: {}, profile, tags: [] };
  const entered = startJourney(machine, { customerId: customerId(0), journeyId, ...scope }).snapshot;
  const stored = persistSnapshot(entered);
  return Array.from({ length: customers }, (_, index) => {
    if (index % stride !== 0) return undefined;
    const enteredAt = eventTime(index);
    const persisted = { ...stored, context: { ...stored.context, customerId: customerId(index), enteredAt } };
    return {
      profile: { name: customerName(index) },
      snapshot: restoreSnapshot(machine, persisted),
      json: JSON.stringify(persisted),
    };
  });
}

export interface CeilingResult {
  eventsPerSecond: number;
  /** Events per second of this process's CPU time: unaffected by other processes on a busy machine. */
  eventsPerCpuSecond: number;
  events: number;
  moved: number;
  ignored: number;
}

/**
 * Replays steady events [0, measuredTo) against fresh customers and times [measuredFrom, measuredTo):
 * the untimed prefix is (b)'s warm-up, so the timed events meet the same states as they did over HTTP.
 * Only every `stride`-th customer is replayed (events of different customers are independent, and a stride
 * prime to the mix's length keeps its proportions), which keeps the run short.
 */
export function measureCeiling(
  journey: JourneyDocument,
  variant: CeilingVariant,
  customers: number,
  measuredFrom: number,
  measuredTo: number,
  stride = 1,
): CeilingResult {
  const compiled = compileJourney(journey);
  if (!compiled.ok) throw new Error(`journey ${journey.id} does not compile`);
  const machine = createJourneyMachine(compiled.compiled);
  const replay = enteredCustomers(machine, journey.id, customers, stride);
  const step = steppers[variant](machine);
  const toEvent = (body: EventBody, customer: ReplayCustomer): JourneyEvent => ({
    type: body.type,
    at: body.timestamp ?? CLOCK_START,
    properties: body.properties ?? {},
    profile: customer.profile,
    tags: [],
  });
  const eventsOf = (from: number, to: number) => {
    const work: Array<{ customer: ReplayCustomer; event: JourneyEvent }> = [];
    for (let index = from; index < to; index++) {
      if ((index % customers) % stride !== 0) continue;
      const body = steadyEvent(index, customers);
      const customer = replay[customerIndex(body.customerId)]!;
      work.push({ customer, event: toEvent(body, customer) });
    }
    return work;
  };
  for (const { customer, event } of eventsOf(0, measuredFrom)) step(customer, event);
  const measured = eventsOf(measuredFrom, measuredTo);
  let moved = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const { customer, event } of measured) if (step(customer, event)) moved += 1;
  const cpu = process.cpuUsage(cpuStarted);
  const seconds = (performance.now() - started) / 1000;
  const events = measured.length;
  return {
    eventsPerSecond: Math.round(events / seconds),
    eventsPerCpuSecond: Math.round(events / ((cpu.user + cpu.system) / 1e6)),
    events,
    moved,
    ignored: events - moved,
  };
}
