import { type Channel, endOfQuietHours, isInQuietHours, periodStart } from '@journey/shared';
import type { Clock } from '../clock';
import type { SqliteHandle } from '../db/client';
import type { JourneyExecutor } from '../engine/executor';
import { MetricBatch } from '../engine/metrics';
import type { VersionCache } from '../engine/versions';
import type { MetricStore } from '../metrics/store';
import { type ChannelAdapters, type DeliveryResult, logAdapter, type OutgoingMessage } from './adapters';

interface DueMessage {
  id: number;
  idempotency_key: string;
  instance_id: number;
  journey_id: string;
  version: number;
  customer_id: string;
  node_id: string;
  channel: Channel;
  title: string | null;
  body: string;
  await_result: number;
  attempts: number;
}

/** Attempts before a retryable failure becomes a dead letter. */
export const MAX_ATTEMPTS = 5;
const BASE_BACKOFF_MS = 30_000;
/**
 * Messages with providers at once: a gateway answering in 50 ms still allows hundreds of messages a second. It also
 * bounds how many sent messages a crash can leave unrecorded (sent again after a restart, with the same key).
 */
export const SEND_CONCURRENCY = 16;

type Outcome =
  | { status: 'sent' }
  | { status: 'deferred'; until: number; reason: string }
  | { status: 'skipped' | 'failed' | 'dead'; reason: string }
  | { status: 'retry'; until: number; reason: string };

/**
 * Delivers queued messages (the outbox) through channel adapters after their transaction
 * committed: quiet hours defer, frequency caps skip, failures retry with backoff and end as
 * dead letters. A message is claimed ('sending') before it goes out, so a crash between sending and recording
 * leaves a mark: at most the messages in flight are sent again, with the same idempotency key.
 */
export class MessageDispatcher {
  readonly #statements;

  constructor(
    private readonly sqlite: SqliteHandle,
    private readonly versions: VersionCache,
    private readonly executor: JourneyExecutor,
    private readonly clock: Clock,
    private readonly metricStore: MetricStore,
    private readonly adapters: ChannelAdapters = {},
  ) {
    this.#statements = {
      due: sqlite.prepare<[number, number], DueMessage>(
        `SELECT * FROM messages WHERE status IN ('pending', 'deferred') AND next_attempt_at <= ?
         ORDER BY next_attempt_at, id LIMIT ?`,
      ),
      sentInPeriod: sqlite.prepare<[string, string, number, string | null, string | null], { n: number }>(
        `SELECT COUNT(*) AS n FROM messages WHERE customer_id = ? AND journey_id = ? AND status = 'sent' AND sent_at >= ?
         AND (? IS NULL OR channel = ?)`,
      ),
      claim: sqlite.prepare<[number]>("UPDATE messages SET status = 'sending', attempts = attempts + 1 WHERE id = ?"),
      requeueInterrupted: sqlite.prepare<[string]>(
        "UPDATE messages SET status = 'pending', last_error = ? WHERE status = 'sending'",
      ),
      record: sqlite.prepare(
        `UPDATE messages SET status = @status, attempts = @attempts, next_attempt_at = @nextAttemptAt,
         last_error = @lastError, sent_at = @sentAt WHERE id = @id`,
      ),
    };
  }

  /**
   * Puts messages a crash caught mid-send back in the queue; returns how many. Call once at start, before
   * dispatching. Whether the provider got them is unknown, so they go again with the same idempotency key
   * (the provider drops a repeat) and count as another attempt.
   */
  requeueInterrupted(): number {
    return this.#statements.requeueInterrupted.run('interrupted by a restart while sending; sent again').changes;
  }

  /**
   * Sends messages due now (at most `limit`); returns how many were handled. A round takes one message per customer
   * (a second one waits for the next round, so a frequency cap counts the first one's outcome). Messages held back
   * (quiet hours, caps) are recorded, and the rest claimed, in one commit; then up to `SEND_CONCURRENCY` go out at
   * once, and outcomes that arrive together are recorded in one commit. A sender waits for its outcome's commit
   * before taking the next message, so a crash leaves at most `SEND_CONCURRENCY` sent messages unrecorded.
   */
  async dispatchDue(limit = 200): Promise<number> {
    const now = this.clock.now();
    const customers = new Set<string>();
    const round = this.#statements.due.all(now, limit).filter((message) => {
      if (customers.has(message.customer_id)) return false;
      customers.add(message.customer_id);
      return true;
    });
    const sending: DueMessage[] = [];
    const held: Array<[DueMessage, Outcome]> = [];
    for (const message of round) {
      const outcome = this.#hold(message, now);
      if (outcome) held.push([message, outcome]);
      else sending.push(message);
    }
    // Claims are committed before sending, so after a crash the rows show which sends may have happened.
    this.#recordAll(held, now, () => {
      for (const message of sending) this.#statements.claim.run(message.id);
    });

    const outcomes: Array<[DueMessage, Outcome]> = [];
    let committed: Promise<void> | undefined;
    const record = (message: DueMessage, outcome: Outcome): Promise<void> => {
      outcomes.push([message, outcome]);
      committed ??= new Promise((resolve) =>
        setImmediate(() => {
          committed = undefined;
          this.#recordAll(outcomes.splice(0), now);
          resolve();
        }),
      );
      return committed;
    };
    let next = 0;
    const sendNext = async (): Promise<void> => {
      for (let message = sending[next++]; message; message = sending[next++]) {
        await record(message, this.#outcome(message, await this.#send(message), now));
      }
    };
    await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, sending.length) }, sendNext));
    return round.length;
  }

  /** Records outcomes (and runs `alsoInTransaction`) in one transaction. */
  #recordAll(outcomes: ReadonlyArray<[DueMessage, Outcome]>, now: number, alsoInTransaction?: () => void): void {
    const metrics = new MetricBatch();
    this.sqlite.transaction(() => {
      for (const [message, outcome] of outcomes) this.#record(message, outcome, now, metrics);
      alsoInTransaction?.();
      metrics.flush(this.metricStore);
    })();
  }

  /** Why a message must not go out now (quiet hours, frequency cap), or undefined when it may. */
  #hold(message: DueMessage, now: number): Outcome | undefined {
    const { settings } = this.versions.get(message.journey_id, message.version).document;
    if (settings.quietHours && isInQuietHours(now, settings.quietHours, settings.timezone)) {
      return {
        status: 'deferred',
        until: endOfQuietHours(now, settings.quietHours, settings.timezone),
        reason: 'quiet hours',
      };
    }
    const cap = settings.frequencyCap;
    if (cap && (!cap.channel || cap.channel === message.channel)) {
      const since = periodStart(now, cap.per, settings.timezone);
      const channel = cap.channel ?? null;
      const sent =
        this.#statements.sentInPeriod.get(message.customer_id, message.journey_id, since, channel, channel)?.n ?? 0;
      if (sent >= cap.count) return { status: 'skipped', reason: `frequency cap: ${cap.count} per ${cap.per}` };
    }
    return undefined;
  }

  #send(message: DueMessage): Promise<DeliveryResult> {
    const outgoing: OutgoingMessage = {
      idempotencyKey: message.idempotency_key,
      channel: message.channel,
      customerId: message.customer_id,
      journeyId: message.journey_id,
      nodeId: message.node_id,
      title: message.title,
      body: message.body,
    };
    return (this.adapters[message.channel] ?? logAdapter).send(outgoing).catch(
      // An adapter that throws is treated like a network error, so its row never stays claimed.
      (error: unknown): DeliveryResult => ({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        retryable: true,
      }),
    );
  }

  #outcome(message: DueMessage, result: DeliveryResult, now: number): Outcome {
    if (result.ok) return { status: 'sent' };
    if (!result.retryable) return { status: 'failed', reason: result.error };
    if (message.attempts + 1 >= MAX_ATTEMPTS) return { status: 'dead', reason: result.error };
    return { status: 'retry', until: now + BASE_BACKOFF_MS * 2 ** message.attempts, reason: result.error };
  }

  /** Writes one message's outcome; runs inside a transaction of #recordAll. */
  #record(message: DueMessage, outcome: Outcome, now: number, metrics: MetricBatch): void {
    const version = { journeyId: message.journey_id, version: message.version };
    const attempts =
      outcome.status === 'deferred' || outcome.status === 'skipped' ? message.attempts : message.attempts + 1;
    this.#statements.record.run({
      id: message.id,
      status: outcome.status === 'retry' ? 'pending' : outcome.status,
      attempts,
      nextAttemptAt: 'until' in outcome ? outcome.until : now,
      lastError: 'reason' in outcome ? outcome.reason : null,
      sentAt: outcome.status === 'sent' ? now : null,
    });
    if (outcome.status !== 'retry') metrics.dispatched(version, message.channel, outcome.status, now);
    const final =
      outcome.status === 'sent'
        ? 'sent'
        : outcome.status === 'retry' || outcome.status === 'deferred'
          ? undefined
          : 'failed';
    if (outcome.status !== 'sent' && 'reason' in outcome) {
      this.executor.noteDelivery(message.instance_id, message.node_id, now, outcome.status, {
        messageId: message.id,
        channel: message.channel,
        reason: outcome.reason,
        ...('until' in outcome ? { nextAttemptAt: new Date(outcome.until).toISOString() } : {}),
      });
    }
    if (message.await_result && final) this.executor.reportMessageResult(message.instance_id, message.node_id, final);
  }
}
