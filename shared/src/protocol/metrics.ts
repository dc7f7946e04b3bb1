import { z } from 'zod';
import { parseNodeConfig } from '../catalog';
import type { JourneyDocument } from '../model/document';
import { type Counter, channelOutcomes, parseCounterKey } from './counters';

const count = z.int();
const counts = z.record(z.string(), count);

export const nodeMetricsSchema = z.object({
  entered: count,
  /** Customers standing at the node now. */
  active: count,
  /** Left the node through one of its handles, or ended there (exit node, goal, exit rule, migration). */
  exited: count,
  handles: counts.describe('traversals per output handle'),
});
export type NodeMetrics = z.infer<typeof nodeMetricsSchema>;

// Field names are the ChannelOutcome values; the fold below does not compile if they drift apart.
export const channelMetricsSchema = z.object({
  queued: count,
  sent: count,
  failed: count,
  skipped: count.describe('not sent: frequency cap reached'),
  deferred: count.describe('postponed by quiet hours (a message may be deferred, then sent)'),
  dead: count.describe('gave up after repeated retryable failures'),
});
export type ChannelMetrics = z.infer<typeof channelMetricsSchema>;

export const benefitMetricsSchema = z.object({
  granted: count.describe('grants this journey made from the pool'),
  unavailable: count.describe('grant requests refused: budget spent or customer limit reached'),
  remaining: count.describe('units left in the pool, shared by every journey that draws from it'),
});
export type BenefitMetrics = z.infer<typeof benefitMetricsSchema>;

export const variantMetricsSchema = z.object({
  entered: count,
  /** Customers of the variant who reached the journey goal after being assigned to it. */
  converted: count,
});
export type VariantMetrics = z.infer<typeof variantMetricsSchema>;

export const journeyMetricsSchema = z
  .object({
    journeyId: z.string(),
    version: z.int().nullable().describe('the version counted, or null for all versions together'),
    entered: count.describe('customers who entered'),
    ended: z.object({ exitNode: count, goal: count, exitWhen: count }).describe('why customers left'),
    nodes: z.record(z.string(), nodeMetricsSchema),
    edges: counts.describe('traversals per edge id'),
    goal: z.object({
      converted: count,
      totalTimeToConvertMs: z.number(),
      meanTimeToConvertMs: z.number().nullable(),
    }),
    variants: z.record(z.string(), z.record(z.string(), variantMetricsSchema)).describe('split node → variant'),
    channels: z.record(z.string(), channelMetricsSchema),
    benefits: z.record(z.string(), benefitMetricsSchema).describe('per benefit pool'),
  })
  .meta({ id: 'JourneyMetrics' });
export type JourneyMetrics = z.infer<typeof journeyMetricsSchema>;

/** Counter increments since the previous delta (or the snapshot), by counter key, for one journey (all versions). */
export interface JourneyMetricsDelta {
  journeyId: string;
  counters: Record<string, number>;
  /** Units now left in the pools these increments drew from. */
  remaining: Record<string, number>;
}

/** The record's entry for `key`, made with `make` first if it has none. */
function entryOf<T>(record: Record<string, T>, key: string, make: () => T): T {
  const existing = record[key];
  if (existing !== undefined) return existing;
  const made = make();
  record[key] = made;
  return made;
}

const zeroNode = (): NodeMetrics => ({ entered: 0, active: 0, exited: 0, handles: {} });
const zeroChannel = (): ChannelMetrics =>
  Object.fromEntries(channelOutcomes.map((outcome) => [outcome, 0])) as ChannelMetrics;
const zeroBenefit = (): BenefitMetrics => ({ granted: 0, unavailable: 0, remaining: 0 });
const zeroVariant = (): VariantMetrics => ({ entered: 0, converted: 0 });

/**
 * All-zero metrics laid out after the given versions' documents, so every node, edge, handle, split
 * variant, channel and benefit pool of the journey appears even before anyone reaches it.
 */
export function emptyJourneyMetrics(
  journeyId: string,
  version: number | null,
  documents: readonly JourneyDocument[],
): JourneyMetrics {
  const metrics: JourneyMetrics = {
    journeyId,
    version,
    entered: 0,
    ended: { exitNode: 0, goal: 0, exitWhen: 0 },
    nodes: {},
    edges: {},
    goal: { converted: 0, totalTimeToConvertMs: 0, meanTimeToConvertMs: null },
    variants: {},
    channels: {},
    benefits: {},
  };
  for (const document of documents) {
    for (const node of document.nodes) {
      entryOf(metrics.nodes, node.id, zeroNode);
      if (node.type === 'split') {
        const split = parseNodeConfig('split', node.config);
        const variants = entryOf(metrics.variants, node.id, () => ({}));
        if (split.ok) for (const variant of split.config.variants) entryOf(variants, variant.id, zeroVariant);
      } else if (node.type === 'message') {
        const message = parseNodeConfig('message', node.config);
        if (message.ok) entryOf(metrics.channels, message.config.channel, zeroChannel);
      } else if (node.type === 'benefit') {
        const benefit = parseNodeConfig('benefit', node.config);
        if (benefit.ok) entryOf(metrics.benefits, benefit.config.poolId, zeroBenefit);
      }
    }
    for (const edge of document.edges) {
      metrics.edges[edge.id] ??= 0;
      entryOf(metrics.nodes, edge.source, zeroNode).handles[edge.sourceHandle] ??= 0;
    }
  }
  return metrics;
}

function addCounter(metrics: JourneyMetrics, counter: Counter, value: number): void {
  switch (counter.kind) {
    case 'journeyEntered':
      metrics.entered += value;
      break;
    case 'journeyEnded':
      metrics.ended[counter.reason] += value;
      break;
    case 'node':
      entryOf(metrics.nodes, counter.nodeId, zeroNode)[counter.measure] += value;
      break;
    case 'handle': {
      const { handles } = entryOf(metrics.nodes, counter.nodeId, zeroNode);
      handles[counter.handle] = (handles[counter.handle] ?? 0) + value;
      break;
    }
    case 'edge':
      metrics.edges[counter.edgeId] = (metrics.edges[counter.edgeId] ?? 0) + value;
      break;
    case 'converted':
      metrics.goal.converted += value;
      break;
    case 'timeToConvert':
      metrics.goal.totalTimeToConvertMs += value;
      break;
    case 'variant':
      entryOf(
        entryOf(metrics.variants, counter.splitId, () => ({})),
        counter.variantId,
        zeroVariant,
      )[counter.measure] += value;
      break;
    case 'channel':
      entryOf(metrics.channels, counter.channel, zeroChannel)[counter.outcome] += value;
      break;
    case 'benefit':
      entryOf(metrics.benefits, counter.poolId, zeroBenefit)[counter.outcome] += value;
      break;
  }
}

/** Adds counter values (by key) into `metrics` in place; keys this version does not know are skipped. */
export function addCounters(metrics: JourneyMetrics, counters: Iterable<readonly [string, number]>): void {
  for (const [key, value] of counters) {
    const counter = parseCounterKey(key);
    if (counter) addCounter(metrics, counter, value);
  }
  const { converted, totalTimeToConvertMs } = metrics.goal;
  metrics.goal.meanTimeToConvertMs = converted > 0 ? Math.round(totalTimeToConvertMs / converted) : null;
}

/** The snapshot moved forward by a delta, as a new object (the snapshot is left as it was). */
export function applyMetricsDelta(snapshot: JourneyMetrics, delta: JourneyMetricsDelta): JourneyMetrics {
  const next = structuredClone(snapshot);
  addCounters(next, Object.entries(delta.counters));
  for (const [poolId, remaining] of Object.entries(delta.remaining)) {
    entryOf(next.benefits, poolId, zeroBenefit).remaining = remaining;
  }
  return next;
}

// ── Totals across journeys, for the big screen ──────────────────────────────────────────────────

export const journeySummarySchema = z.object({
  entered: count,
  active: count,
  converted: count,
  messagesSent: count,
  benefitsGranted: count,
});
export type JourneySummary = z.infer<typeof journeySummarySchema>;

export const globalMetricsSchema = z
  .object({ totals: journeySummarySchema, journeys: z.record(z.string(), journeySummarySchema) })
  .meta({ id: 'GlobalMetrics' });
export type GlobalMetrics = z.infer<typeof globalMetricsSchema>;

/** Summary increments of the journeys that changed since the previous delta (or the snapshot). */
export interface GlobalMetricsDelta {
  journeys: Record<string, JourneySummary>;
}

export const emptySummary = (): JourneySummary => ({
  entered: 0,
  active: 0,
  converted: 0,
  messagesSent: 0,
  benefitsGranted: 0,
});

/** What a counter adds to a journey's summary, if anything. */
function summaryField(counter: Counter): keyof JourneySummary | undefined {
  if (counter.kind === 'journeyEntered') return 'entered';
  if (counter.kind === 'node' && counter.measure === 'active') return 'active';
  if (counter.kind === 'converted') return 'converted';
  if (counter.kind === 'channel' && counter.outcome === 'sent') return 'messagesSent';
  if (counter.kind === 'benefit' && counter.outcome === 'granted') return 'benefitsGranted';
  return undefined;
}

/** Whether a counter key feeds the summaries (the rest need not be read or sent for the totals). */
export function isSummaryCounter(key: string): boolean {
  const counter = parseCounterKey(key);
  return counter !== undefined && summaryField(counter) !== undefined;
}

/** Adds counter values (by key) into a summary in place. */
export function addToSummary(summary: JourneySummary, counters: Iterable<readonly [string, number]>): void {
  for (const [key, value] of counters) {
    const counter = parseCounterKey(key);
    const field = counter && summaryField(counter);
    if (field) summary[field] += value;
  }
}

/** Totals over per-journey summaries. */
export function globalMetricsOf(journeys: Record<string, JourneySummary>): GlobalMetrics {
  const totals = emptySummary();
  for (const summary of Object.values(journeys)) {
    for (const field of Object.keys(totals) as Array<keyof JourneySummary>) totals[field] += summary[field];
  }
  return { totals, journeys };
}

/** The big-screen snapshot moved forward by a delta, as a new object. */
export function applyGlobalDelta(snapshot: GlobalMetrics, delta: GlobalMetricsDelta): GlobalMetrics {
  const journeys = structuredClone(snapshot.journeys);
  for (const [journeyId, increment] of Object.entries(delta.journeys)) {
    const summary = entryOf(journeys, journeyId, emptySummary);
    for (const field of Object.keys(summary) as Array<keyof JourneySummary>) summary[field] += increment[field];
  }
  return globalMetricsOf(journeys);
}
