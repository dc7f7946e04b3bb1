import { z } from 'zod';
import type { GlobalMetrics, GlobalMetricsDelta, JourneyMetrics, JourneyMetricsDelta } from './metrics';

/** The socket.io namespace of live metrics. */
export const LIVE_NAMESPACE = '/live';

/** Live deltas reach a client at most this often; changes in between are coalesced into one message. */
export const DELTA_INTERVAL_MS = 250;

const journeySubscriptionSchema = z.strictObject({ journeyId: z.string().min(1).max(64) });
const globalSubscriptionSchema = z.strictObject({ global: z.literal(true) });

/** What a client watches: one journey's funnel, or the totals across journeys (the big screen). */
export type Subscription = z.infer<typeof journeySubscriptionSchema> | z.infer<typeof globalSubscriptionSchema>;

/** Checks a subscription a client sent, with a message naming the wrong field. */
export function parseSubscription(
  input: unknown,
): { ok: true; subscription: Subscription } | { ok: false; error: string } {
  const wantsTotals = typeof input === 'object' && input !== null && 'global' in input;
  const parsed = (wantsTotals ? globalSubscriptionSchema : journeySubscriptionSchema).safeParse(input);
  return parsed.success ? { ok: true, subscription: parsed.data } : { ok: false, error: z.prettifyError(parsed.error) };
}

export type SubscribeReply = { ok: true } | { ok: false; error: string };

/**
 * Events the server emits. After `subscribe` a client receives the snapshot first and then deltas
 * to fold into it (`applyMetricsDelta` / `applyGlobalDelta`); after a reconnect it subscribes again
 * and starts over from a fresh snapshot.
 */
export interface ServerToClientEvents {
  'metrics:snapshot': (snapshot: JourneyMetrics) => void;
  'metrics:delta': (delta: JourneyMetricsDelta) => void;
  'global:snapshot': (snapshot: GlobalMetrics) => void;
  'global:delta': (delta: GlobalMetricsDelta) => void;
}

/** Events a client emits; each is acknowledged (`{ok: false, error}` for an unknown journey or a malformed request). */
export interface ClientToServerEvents {
  subscribe: (subscription: Subscription, ack: (reply: SubscribeReply) => void) => void;
  unsubscribe: (subscription: Subscription, ack: (reply: SubscribeReply) => void) => void;
}
