import type { Channel } from '@journey/shared';

/** A message ready for a provider: rendered, with the key a provider uses to drop repeats. */
export interface OutgoingMessage {
  idempotencyKey: string;
  channel: Channel;
  customerId: string;
  journeyId: string;
  nodeId: string;
  title: string | null;
  body: string;
}

export type DeliveryResult = { ok: true } | { ok: false; error: string; retryable: boolean };

/** The one seam to external providers (SMS gateway, push service, …); everything else is real. */
export interface ChannelAdapter {
  send(message: OutgoingMessage): Promise<DeliveryResult>;
}

/** Records the message in the message log only: the default for every channel until a provider is configured. */
export const logAdapter: ChannelAdapter = {
  send: async () => ({ ok: true }),
};

/** POSTs the message as JSON; 5xx and network errors are retried, 4xx are final. */
export function webhookAdapter(url: string, timeoutMs = 5_000): ChannelAdapter {
  return {
    async send(message) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': message.idempotencyKey },
          body: JSON.stringify(message),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.ok) return { ok: true };
        return {
          ok: false,
          error: `HTTP ${response.status}`,
          retryable: response.status >= 500 || response.status === 429,
        };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error), retryable: true };
      }
    },
  };
}

export type ChannelAdapters = Partial<Record<Channel, ChannelAdapter>>;
