import type { JourneyAction } from '../compiler/types';

/**
 * The counters a journey keeps, one integer each per journey version. The runtime stores them
 * under the string keys below and streams their increments to live clients, which fold them
 * into a snapshot with the same code (`applyMetricsDelta`). Ids never contain ':', so keys parse back.
 */

export const nodeMeasures = ['entered', 'active', 'exited'] as const;
export type NodeMeasure = (typeof nodeMeasures)[number];

/** What became of a queued message: each dispatch attempt that ends in one of these counts once. */
export const channelOutcomes = ['queued', 'sent', 'failed', 'skipped', 'deferred', 'dead'] as const;
export type ChannelOutcome = (typeof channelOutcomes)[number];

export const benefitOutcomes = ['granted', 'unavailable'] as const;
export type BenefitOutcome = (typeof benefitOutcomes)[number];

/** Why an instance left the journey. */
export const endReasons = ['exitNode', 'goal', 'exitWhen'] as const satisfies ReadonlyArray<
  Extract<JourneyAction, { type: 'leave' }>['params']['reason']
>;
export type EndReason = (typeof endReasons)[number];

export const variantMeasures = ['entered', 'converted'] as const;
export type VariantMeasure = (typeof variantMeasures)[number];

export type Counter =
  | { kind: 'journeyEntered' }
  | { kind: 'journeyEnded'; reason: EndReason }
  | { kind: 'node'; nodeId: string; measure: NodeMeasure }
  | { kind: 'handle'; nodeId: string; handle: string }
  | { kind: 'edge'; edgeId: string }
  | { kind: 'converted' }
  /** Sum over conversions of (conversion time − entry time), so the mean time to convert follows. */
  | { kind: 'timeToConvert' }
  | { kind: 'variant'; splitId: string; variantId: string; measure: VariantMeasure }
  | { kind: 'channel'; channel: string; outcome: ChannelOutcome }
  | { kind: 'benefit'; poolId: string; outcome: BenefitOutcome };

export function counterKey(counter: Counter): string {
  switch (counter.kind) {
    case 'journeyEntered':
      return 'journey:entered';
    case 'journeyEnded':
      return `journey:${counter.reason}`;
    case 'node':
      return `node:${counter.nodeId}:${counter.measure}`;
    case 'handle':
      return `handle:${counter.nodeId}:${counter.handle}`;
    case 'edge':
      return `edge:${counter.edgeId}`;
    case 'converted':
      return 'goal:converted';
    case 'timeToConvert':
      return 'goal:timeToConvertMs';
    case 'variant':
      return `variant:${counter.splitId}:${counter.variantId}:${counter.measure}`;
    case 'channel':
      return `channel:${counter.channel}:${counter.outcome}`;
    case 'benefit':
      return `benefit:${counter.poolId}:${counter.outcome}`;
  }
}

const isOneOf = <T extends string>(values: readonly T[], value: string | undefined): value is T =>
  (values as readonly string[]).includes(value ?? '');

/** The counter a key names; undefined for keys this version does not know (newer runtimes may add some). */
export function parseCounterKey(key: string): Counter | undefined {
  const [scope, first, second, third] = key.split(':');
  if (first === undefined) return undefined;
  switch (scope) {
    case 'journey':
      if (first === 'entered') return { kind: 'journeyEntered' };
      return isOneOf(endReasons, first) ? { kind: 'journeyEnded', reason: first } : undefined;
    case 'node':
      return isOneOf(nodeMeasures, second) ? { kind: 'node', nodeId: first, measure: second } : undefined;
    case 'handle':
      return second === undefined ? undefined : { kind: 'handle', nodeId: first, handle: second };
    case 'edge':
      return { kind: 'edge', edgeId: first };
    case 'goal':
      if (first === 'converted') return { kind: 'converted' };
      return first === 'timeToConvertMs' ? { kind: 'timeToConvert' } : undefined;
    case 'variant':
      return second !== undefined && isOneOf(variantMeasures, third)
        ? { kind: 'variant', splitId: first, variantId: second, measure: third }
        : undefined;
    case 'channel':
      return isOneOf(channelOutcomes, second) ? { kind: 'channel', channel: first, outcome: second } : undefined;
    case 'benefit':
      return isOneOf(benefitOutcomes, second) ? { kind: 'benefit', poolId: first, outcome: second } : undefined;
    default:
      return undefined;
  }
}
