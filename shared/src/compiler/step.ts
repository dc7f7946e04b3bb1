import { type ActorScope, createActor, type EventObject, type SnapshotFrom } from 'xstate';
import type { JourneyMachine } from './machine';
import type { JourneyAction, JourneyActionType, JourneyEvent, JourneyInput } from './types';

export type JourneySnapshot = SnapshotFrom<JourneyMachine>;

/** A delayed event the machine asked for: the runtime stores it as a durable timer. */
export interface TimerRequest {
  /** Unique within the instance; a later cancellation names it. */
  id: string;
  /** Milliseconds after the event that started it. */
  delay: number;
  eventType: string;
}

/** What one pure step produced: the next snapshot and the work the runtime must do. */
export interface StepResult {
  snapshot: JourneySnapshot;
  actions: JourneyAction[];
  timers: TimerRequest[];
  cancelledTimers: string[];
}

const journeyActionTypes: ReadonlySet<string> = new Set<JourneyActionType>([
  'enterNode',
  'traverse',
  'sendMessage',
  'grantBenefit',
  'updateProfile',
  'convert',
  'leave',
]);

interface ExecutableAction {
  type: string;
  params?: unknown;
}

function collect(snapshot: JourneySnapshot, executable: readonly ExecutableAction[]): StepResult {
  const result: StepResult = { snapshot, actions: [], timers: [], cancelledTimers: [] };
  for (const action of executable) {
    if (action.type === 'xstate.raise') {
      const params = action.params as { event: { type: string }; id: string; delay?: number };
      if (typeof params.delay === 'number') {
        result.timers.push({ id: params.id, delay: params.delay, eventType: params.event.type });
      }
    } else if (action.type === 'xstate.cancel') {
      result.cancelledTimers.push((action.params as { sendId: string }).sendId);
    } else if (journeyActionTypes.has(action.type)) {
      result.actions.push({ type: action.type, params: action.params } as JourneyAction);
    }
  }
  return result;
}

type JourneyScope = ActorScope<JourneySnapshot, EventObject> & { actionExecutor: (action: ExecutableAction) => void };

const scopes = new WeakMap<JourneyMachine, JourneyScope>();

/**
 * An inert actor scope per machine, built once. XState's own `transition()` builds a throw-away actor on
 * every call, which computes (and here fails) an initial state each time: three quarters of a step's cost.
 * This is the same inert scope `transition()` uses, reused; the tests pin equal results.
 */
function scopeOf(machine: JourneyMachine): JourneyScope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine, { input: { customerId: '', journeyId: '', at: 0, profile: {}, tags: [] } });
    scope = {
      self,
      system: self.system,
      id: '',
      sessionId: '',
      defer: () => {},
      emit: () => {},
      logger: () => {},
      stopChild: () => {},
      actionExecutor: () => {},
    } as unknown as JourneyScope;
    scopes.set(machine, scope);
  }
  return scope;
}

/** Runs one pure step, gathering the actions XState would execute instead of executing them. */
function run(machine: JourneyMachine, step: (scope: JourneyScope) => JourneySnapshot): StepResult {
  const scope = scopeOf(machine);
  const executable: ExecutableAction[] = [];
  scope.actionExecutor = (action) => executable.push(action);
  return collect(step(scope), executable);
}

/** Enters a customer into the journey: the initial snapshot and what entering did. Pure. */
export function startJourney(machine: JourneyMachine, input: JourneyInput): StepResult {
  return run(machine, (scope) => machine.getInitialSnapshot(scope, input));
}

/** Moves an instance forward by one event (behavioural, timer or effect result). Pure. */
export function stepJourney(machine: JourneyMachine, snapshot: JourneySnapshot, event: JourneyEvent): StepResult {
  return run(machine, (scope) => machine.transition(snapshot, event, scope));
}

/** The JSON to store for an instance. */
export interface PersistedJourneyState {
  value: JourneySnapshot['value'];
  context: JourneySnapshot['context'];
  status: JourneySnapshot['status'];
}

export function persistSnapshot(snapshot: JourneySnapshot): PersistedJourneyState {
  return { value: snapshot.value, context: snapshot.context, status: snapshot.status };
}

/** Rebuilds a snapshot from its stored JSON against the (cached) machine of the instance's version. */
export function restoreSnapshot(machine: JourneyMachine, state: PersistedJourneyState): JourneySnapshot {
  return machine.resolveState({ value: state.value, context: state.context, status: state.status });
}
