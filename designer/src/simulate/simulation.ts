import {
  applyProfileUpdate,
  type Channel,
  type Condition,
  compileJourney,
  createJourneyMachine,
  currentNodeOf,
  EFFECT_EVENT,
  type EventScope,
  evaluateCondition,
  FINAL_STATES,
  type JourneyDocument,
  type JourneyEvent,
  type JourneyMachine,
  type JourneySnapshot,
  parseNodeConfig,
  renderTemplate,
  type StepResult,
  startJourney,
  stepJourney,
  type ValidationProblem,
} from '@journey/shared';

// One test customer stepped through a draft entirely in the browser, with the same compiler and pure
// step function the runtime uses. Every function here is pure: it returns a new Simulation.

export interface TestCustomer {
  /** Splits assign variants by customer id, so changing it can land the customer in another variant. */
  id: string;
  attributes: Record<string, unknown>;
  tags: string[];
}

export interface SimulatedMessage {
  nodeId: string;
  channel: Channel;
  title?: string;
  body: string;
}

/** Why a step happened. */
export type StepCause =
  | { kind: 'entered'; event?: string }
  | { kind: 'event'; event: string }
  | { kind: 'timer'; nodeId: string }
  | { kind: 'outcome'; nodeId: string; outcome: string };

export interface TimelineStep {
  at: number;
  cause: StepCause;
  /** The nodes entered, in order; empty when the event changed nothing. */
  entered: string[];
  messages: SimulatedMessage[];
  converted: boolean;
  /** An event counted towards a "wait for N events" node without completing it yet. */
  counted?: { nodeId: string; count: number; of: number };
}

export interface PendingTimer {
  id: string;
  eventType: string;
  dueAt: number;
  /** The node that asked for it (the wait, or the node waiting for an event with a time limit). */
  nodeId: string;
}

/** A side effect the runtime would report back; in a simulation the operator picks the result. */
export interface PendingOutcome {
  nodeId: string;
  outcomes: readonly string[];
}

export type SimulationStatus = 'active' | 'completed' | 'goal' | 'exited';

export interface Simulation {
  readonly document: JourneyDocument;
  readonly machine: JourneyMachine;
  readonly snapshot: JourneySnapshot;
  /** As updated by the journey's profile-update steps. */
  readonly customer: TestCustomer;
  readonly now: number;
  readonly timers: readonly PendingTimer[];
  readonly timeline: readonly TimelineStep[];
  /** Edges the customer travelled, in first-travelled order. */
  readonly traversedEdgeIds: readonly string[];
  readonly pendingOutcome?: PendingOutcome;
  readonly status: SimulationStatus;
  /** Where the customer is; once the journey is over, the last node they entered. */
  readonly currentNodeId: string;
}

export type StartResult =
  | { ok: true; simulation: Simulation }
  | { ok: false; reason: 'invalid'; problems: ValidationProblem[] }
  | { ok: false; reason: 'triggerNotMatched' };

const finalStatus = new Map<string, SimulationStatus>([
  [FINAL_STATES.completed, 'completed'],
  [FINAL_STATES.goal, 'goal'],
  [FINAL_STATES.exited, 'exited'],
]);

const scopeOf = (customer: TestCustomer, at: number, properties: Record<string, unknown> = {}): EventScope => ({
  at,
  properties,
  profile: customer.attributes,
  tags: customer.tags,
});

/** How many events a "wait for event" node needs, or 1 when the node is not one. */
function requiredCount(document: JourneyDocument, nodeId: string): number {
  const node = document.nodes.find((candidate) => candidate.id === nodeId);
  if (node?.type !== 'waitForEvent') return 1;
  const parsed = parseNodeConfig('waitForEvent', node.config);
  return parsed.ok ? (parsed.config.count ?? 1) : 1;
}

/**
 * Applies what one step asked for: profile updates are performed and reported back at once (as the runtime
 * does inside its transaction); benefits and messages that await a result wait for `chooseOutcome`.
 */
function settle(simulation: Simulation, first: StepResult, cause: StepCause, scope: EventScope): Simulation {
  const step: TimelineStep = { at: scope.at, cause, entered: [], messages: [], converted: false };
  const traversed = new Set(simulation.traversedEdgeIds);
  let { customer } = simulation;
  let timers = [...simulation.timers];
  let pendingOutcome: PendingOutcome | undefined;
  let result = first;
  for (;;) {
    const cancelled = new Set(result.cancelledTimers);
    timers = timers.filter((timer) => !cancelled.has(timer.id));
    let profileUpdated: string | undefined;
    for (const action of result.actions) {
      const { type, params } = action;
      if (type === 'enterNode') step.entered.push(params.nodeId);
      else if (type === 'traverse') traversed.add(params.edgeId);
      else if (type === 'convert') step.converted = true;
      else if (type === 'grantBenefit')
        pendingOutcome = { nodeId: params.nodeId, outcomes: ['granted', 'unavailable'] };
      else if (type === 'updateProfile') {
        customer = applyProfileUpdate(customer, params);
        profileUpdated = params.nodeId;
      } else if (type === 'sendMessage') {
        const templateScope = { profile: customer.attributes, event: scope.properties ?? {} };
        step.messages.push({
          nodeId: params.nodeId,
          channel: params.channel,
          ...(params.title ? { title: renderTemplate(params.title, templateScope) } : {}),
          body: renderTemplate(params.body, templateScope),
        });
        if (params.awaitResult) pendingOutcome = { nodeId: params.nodeId, outcomes: ['sent', 'failed'] };
      }
    }
    const restingAt = currentNodeOf(result.snapshot.value);
    timers.push(...result.timers.map((timer) => ({ ...timer, dueAt: scope.at + timer.delay, nodeId: restingAt })));
    if (!profileUpdated) break;
    const reported: JourneyEvent = {
      type: EFFECT_EVENT,
      nodeId: profileUpdated,
      outcome: 'next',
      ...scopeOf(customer, scope.at),
    };
    result = stepJourney(simulation.machine, result.snapshot, reported);
  }

  const snapshot = result.snapshot;
  const at = currentNodeOf(snapshot.value);
  const status = finalStatus.get(at) ?? 'active';
  if (step.entered.length === 0 && status === 'active') {
    const counted = snapshot.context.counts[at];
    if (counted && counted !== simulation.snapshot.context.counts[at]) {
      step.counted = { nodeId: at, count: counted.n, of: requiredCount(simulation.document, at) };
    }
  }
  return {
    ...simulation,
    snapshot,
    customer,
    timers: status === 'active' ? timers.sort((a, b) => a.dueAt - b.dueAt) : [],
    timeline: [...simulation.timeline, step],
    traversedEdgeIds: [...traversed],
    ...(pendingOutcome ? { pendingOutcome } : { pendingOutcome: undefined }),
    status,
    currentNodeId: status === 'active' ? at : (step.entered.at(-1) ?? simulation.currentNodeId),
  };
}

/**
 * Enters the customer into the draft at `at`. An event trigger's `where` rule is checked against
 * `properties` first, as the runtime does before it creates an instance.
 */
export function startSimulation(
  document: JourneyDocument,
  customer: TestCustomer,
  { at, properties = {} }: { at: number; properties?: Record<string, unknown> },
): StartResult {
  const compiled = compileJourney(document);
  if (!compiled.ok) return { ok: false, reason: 'invalid', problems: compiled.problems };
  const { entry, triggerNodeId } = compiled.compiled;
  const scope = scopeOf(customer, at, properties);
  if (entry.kind === 'event' && entry.where) {
    const matches = evaluateCondition(entry.where, { ...scope, event: { properties } }).value;
    if (!matches) return { ok: false, reason: 'triggerNotMatched' };
  }
  const machine = createJourneyMachine(compiled.compiled);
  const started = startJourney(machine, { ...scope, customerId: customer.id, journeyId: document.id });
  const before: Simulation = {
    document,
    machine,
    snapshot: started.snapshot,
    customer,
    now: at,
    timers: [],
    timeline: [],
    traversedEdgeIds: [],
    status: 'active',
    currentNodeId: triggerNodeId,
  };
  return {
    ok: true,
    simulation: settle(
      before,
      started,
      { kind: 'entered', event: entry.kind === 'event' ? entry.event : undefined },
      scope,
    ),
  };
}

/** The customer does something (an app login, a card transaction…) now. */
export function sendEvent(simulation: Simulation, type: string, properties: Record<string, unknown> = {}): Simulation {
  if (simulation.status !== 'active') return simulation;
  const scope = scopeOf(simulation.customer, simulation.now, properties);
  return settle(
    simulation,
    stepJourney(simulation.machine, simulation.snapshot, { type, ...scope }),
    { kind: 'event', event: type },
    scope,
  );
}

/** Moves the clock forward by `ms`, firing every timer that comes due on the way, earliest first. */
export function advanceTime(simulation: Simulation, ms: number): Simulation {
  const until = simulation.now + ms;
  let current = simulation;
  for (;;) {
    const due = current.timers[0];
    if (!due || due.dueAt > until || current.status !== 'active') break;
    const scope = scopeOf(current.customer, due.dueAt);
    const waiting: Simulation = { ...current, now: due.dueAt, timers: current.timers.slice(1) };
    const result = stepJourney(current.machine, current.snapshot, { type: due.eventType, ...scope });
    current = settle(waiting, result, { kind: 'timer', nodeId: due.nodeId }, scope);
  }
  return { ...current, now: until };
}

/** Reports the result of the side effect the customer waits on (a benefit grant, a message dispatch). */
export function chooseOutcome(simulation: Simulation, outcome: string): Simulation {
  const pending = simulation.pendingOutcome;
  if (!pending?.outcomes.includes(outcome)) return simulation;
  const scope = scopeOf(simulation.customer, simulation.now);
  const reported: JourneyEvent = { type: EFFECT_EVENT, nodeId: pending.nodeId, outcome, ...scope };
  const result = stepJourney(simulation.machine, simulation.snapshot, reported);
  return settle(
    { ...simulation, pendingOutcome: undefined },
    result,
    { kind: 'outcome', nodeId: pending.nodeId, outcome },
    scope,
  );
}

export interface ListenedEvent {
  event: string;
  /** Event properties the draft's rules read, to offer as fields. */
  properties: string[];
}

function eventProperties(condition: Condition | undefined, into: Set<string>): void {
  if (!condition) return;
  if ('all' in condition) for (const inner of condition.all) eventProperties(inner, into);
  else if ('any' in condition) for (const inner of condition.any) eventProperties(inner, into);
  else if ('not' in condition) eventProperties(condition.not, into);
  else if ('event' in condition) into.add(condition.event);
}

function listened(event: string, where: Condition | undefined): ListenedEvent {
  const properties = new Set<string>();
  eventProperties(where, properties);
  return { event, properties: [...properties] };
}

/** The event that enters customers, when the trigger is an event trigger. */
export function entryEvent(document: JourneyDocument): ListenedEvent | undefined {
  const trigger = document.nodes.find((node) => node.type === 'trigger');
  const parsed = trigger && parseNodeConfig('trigger', trigger.config);
  return parsed?.ok && parsed.config.kind === 'event' ? listened(parsed.config.event, parsed.config.where) : undefined;
}

/** The events the draft reacts to (trigger, waits, goal, exit), with the properties its rules read. */
export function listenedEvents(document: JourneyDocument): ListenedEvent[] {
  const found: ListenedEvent[] = [];
  const entry = entryEvent(document);
  if (entry) found.push(entry);
  for (const node of document.nodes) {
    const parsed = node.type === 'waitForEvent' ? parseNodeConfig('waitForEvent', node.config) : undefined;
    if (parsed?.ok) found.push(listened(parsed.config.event, parsed.config.where));
  }
  const { goal, exitWhen } = document.settings;
  if (goal) found.push(listened(goal.event, goal.where));
  if (exitWhen) found.push(listened(exitWhen.event, exitWhen.where));
  // One entry per event name, with the properties of every rule about it.
  const byEvent = new Map<string, Set<string>>();
  for (const { event, properties } of found) {
    if (!event) continue;
    byEvent.set(event, new Set([...(byEvent.get(event) ?? []), ...properties]));
  }
  return [...byEvent].map(([event, properties]) => ({ event, properties: [...properties] }));
}

/** The event the customer's current node waits for, if it is waiting for one. */
export function awaitedEvent(simulation: Simulation): string | undefined {
  const node = simulation.document.nodes.find((candidate) => candidate.id === simulation.currentNodeId);
  const parsed = node?.type === 'waitForEvent' ? parseNodeConfig('waitForEvent', node.config) : undefined;
  return simulation.status === 'active' && parsed?.ok ? parsed.config.event : undefined;
}
