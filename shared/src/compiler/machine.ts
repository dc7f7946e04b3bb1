import { assign, setup } from 'xstate';
import { type EvaluationScope, evaluateCondition } from '../conditions/evaluate';
import type { Condition } from '../conditions/schema';
import { addDuration, type CalendarWindow, nextTimeOfDay, windowKey } from '../time';
import type { CompiledJourney } from './compile';
import { splitBucket } from './split';
import {
  type DelaySpec,
  type EventScope,
  isEffectEvent,
  isMoveEvent,
  type JourneyContext,
  type JourneyEvent,
  type JourneyInput,
} from './types';

/** The scope an event carries; the initial transition's event carries it as its `input`. */
function scopeOf(event: JourneyEvent | { type: 'xstate.init'; input: JourneyInput }): EventScope {
  return 'input' in event ? event.input : event;
}

function conditionScope(scope: EventScope): EvaluationScope {
  return { profile: scope.profile, tags: scope.tags, event: { properties: scope.properties ?? {} } };
}

const holds = (when: Condition | undefined, scope: EventScope) =>
  when === undefined || evaluateCondition(when, conditionScope(scope)).value;

/** Milliseconds from `at` until the delay ends, on the wall clock of `timeZone`. */
export function delayMs(spec: DelaySpec, at: number, timeZone: string): number {
  const due =
    spec.kind === 'duration'
      ? addDuration(at, spec.duration, timeZone)
      : nextTimeOfDay(at, spec.time, timeZone, spec.weekdays);
  return Math.max(0, due - at);
}

/** How many matching events the node has seen in the event's window, counting this one. */
function countWith(context: JourneyContext, nodeId: string, window: string, at: number, timeZone: string) {
  const key = windowKey(at, window as CalendarWindow, timeZone);
  const seen = context.counts[nodeId];
  return { key, n: seen && seen.window === key ? seen.n + 1 : 1 };
}

/**
 * Binds a compiled journey's named guards, context updates and delays to their
 * implementations. The runtime's own actions (messages, benefits, metrics) have no
 * implementation here: XState's pure `transition()` returns them for the runtime to perform.
 */
export function createJourneyMachine(compiled: CompiledJourney) {
  const timeZone = compiled.timezone;
  const delays = Object.fromEntries(
    Object.entries(compiled.delays).map(([name, spec]) => [
      name,
      ({ event }: { event: JourneyEvent }) => delayMs(spec, scopeOf(event).at, timeZone),
    ]),
  );
  const journeySetup = setup({
    types: {} as { context: JourneyContext; events: JourneyEvent; input: JourneyInput },
    guards: {
      conditionHolds: ({ event }, params: { when: Condition }) => holds(params.when, scopeOf(event)),
      eventMatches: (
        { context, event },
        params: { nodeId: string; where?: Condition; count: number; window: string },
      ) => {
        const scope = scopeOf(event);
        if (!holds(params.where, scope)) return false;
        return (
          params.count <= 1 || countWith(context, params.nodeId, params.window, scope.at, timeZone).n >= params.count
        );
      },
      inVariant: ({ context }, params: { nodeId: string; from: number; to: number }) => {
        const bucket = splitBucket(context.journeyId, params.nodeId, context.customerId);
        return bucket >= params.from && bucket < params.to;
      },
      effectIs: ({ event }, params: { nodeId: string; outcome: string }) =>
        isEffectEvent(event) && event.nodeId === params.nodeId && event.outcome === params.outcome,
      movesTo: ({ event }, params: { nodeId: string }) => isMoveEvent(event) && event.nodeId === params.nodeId,
      goalReached: ({ context, event }, params: { where?: Condition; within?: string }) => {
        const scope = scopeOf(event);
        const inTime = !params.within || scope.at <= addDuration(context.enteredAt, params.within, timeZone);
        return inTime && holds(params.where, scope);
      },
      exitMatches: ({ event }, params: { where?: Condition }) => holds(params.where, scopeOf(event)),
    },
    actions: {
      resetCount: assign(({ context }, params: { nodeId: string }) => {
        const { [params.nodeId]: _dropped, ...counts } = context.counts;
        return { counts };
      }),
      countEvent: assign(({ context, event }, params: { nodeId: string; window: string }) => {
        const { key, n } = countWith(context, params.nodeId, params.window, scopeOf(event).at, timeZone);
        return { counts: { ...context.counts, [params.nodeId]: { window: key, n } } };
      }),
    },
    delays,
  });
  type MachineConfig = Parameters<typeof journeySetup.createMachine>[0];
  return journeySetup.createMachine({
    ...(compiled.config as unknown as MachineConfig),
    context: ({ input }) => ({
      customerId: input.customerId,
      journeyId: input.journeyId,
      enteredAt: input.at,
      counts: {},
    }),
  });
}

export type JourneyMachine = ReturnType<typeof createJourneyMachine>;
