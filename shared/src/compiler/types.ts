import type { Condition } from '../conditions/schema';
import type { Channel } from '../model/document';

/** What every event given to a journey machine carries besides its type: when, what, and who. */
export interface EventScope {
  /** When the event happened (epoch ms); timers and windows count from here. */
  at: number;
  properties?: Readonly<Record<string, unknown>>;
  /** The customer's profile and tags as they are now, for conditions. */
  profile: Readonly<Record<string, unknown>>;
  tags: readonly string[];
}

/** A behavioural event (`card_transaction`), a fired timer (`xstate.after.*`) or an effect result. */
export interface CustomerEvent extends EventScope {
  type: string;
}

/** Result of a side effect the runtime performed for a node: a benefit grant, a profile update, a message dispatch. */
export interface EffectEvent extends EventScope {
  type: typeof EFFECT_EVENT;
  nodeId: string;
  outcome: string;
}

export const EFFECT_EVENT = 'journey.effect';

/** Moves an instance to a node, entering it afresh: how in-flight customers migrate to a new version. */
export interface MoveEvent extends EventScope {
  type: typeof MOVE_EVENT;
  nodeId: string;
}

export const MOVE_EVENT = 'journey.moveTo';

export type JourneyEvent = CustomerEvent | EffectEvent | MoveEvent;

export const isEffectEvent = (event: JourneyEvent): event is EffectEvent =>
  event.type === EFFECT_EVENT && 'outcome' in event;
export const isMoveEvent = (event: JourneyEvent): event is MoveEvent => event.type === MOVE_EVENT && 'nodeId' in event;

export interface JourneyInput extends EventScope {
  customerId: string;
  journeyId: string;
}

export interface JourneyContext {
  customerId: string;
  journeyId: string;
  enteredAt: number;
  /** Progress of waitForEvent nodes that need several events: how many in which calendar window. */
  counts: Record<string, { window: string; n: number }>;
}

/** How long a named delay lasts, resolved against the event time in the journey's time zone. */
export type DelaySpec = { kind: 'duration'; duration: string } | { kind: 'until'; time: string; weekdays?: number[] };

/**
 * The actions a journey machine asks the runtime to perform. They are returned by XState's
 * pure `transition()`, never executed inside the machine.
 */
export type JourneyAction =
  | { type: 'enterNode'; params: { nodeId: string; nodeType: string } }
  | { type: 'traverse'; params: { nodeId: string; handle: string; edgeId: string; target: string } }
  | {
      type: 'sendMessage';
      params: { nodeId: string; channel: Channel; title?: string; body: string; awaitResult: boolean };
    }
  | { type: 'grantBenefit'; params: { nodeId: string; poolId: string; quantity: number } }
  | {
      type: 'updateProfile';
      params: { nodeId: string; set: Record<string, unknown>; addTags: string[]; removeTags: string[] };
    }
  | { type: 'convert'; params: { event: string } }
  | { type: 'leave'; params: { reason: 'exitNode' | 'goal' | 'exitWhen'; nodeId?: string } };

export type JourneyActionType = JourneyAction['type'];

/** Named guards with JSON params, bound to implementations in `createJourneyMachine`. */
export type JourneyGuard =
  | { type: 'conditionHolds'; params: { when: Condition } }
  | { type: 'eventMatches'; params: { nodeId: string; where?: Condition; count: number; window: string } }
  | { type: 'inVariant'; params: { nodeId: string; from: number; to: number } }
  | { type: 'effectIs'; params: { nodeId: string; outcome: string } }
  | { type: 'movesTo'; params: { nodeId: string } }
  | { type: 'goalReached'; params: { where?: Condition; within?: string } }
  | { type: 'exitMatches'; params: { where?: Condition } };
