import {
  addToSummary,
  type ClientToServerEvents,
  DELTA_INTERVAL_MS,
  emptySummary,
  type JourneySummary,
  parseCounterKey,
  parseSubscription,
  type ServerToClientEvents,
  type SubscribeReply,
  type Subscription,
} from '@journey/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Namespace, Socket } from 'socket.io';
import { NotFoundError } from '../http-errors';
import type { MetricsReports } from './reports';
import type { MetricStore } from './store';

type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

const GLOBAL_ROOM = 'global';
const journeyRoom = (journeyId: string) => `journey:${journeyId}`;
const roomOf = (subscription: Subscription) =>
  'journeyId' in subscription ? journeyRoom(subscription.journeyId) : GLOBAL_ROOM;

/**
 * Pushes live metrics to socket.io rooms: a snapshot when a client subscribes, then the increments of
 * committed transactions, coalesced per journey and sent at most every DELTA_INTERVAL_MS, so a burst
 * of thousands of events costs watchers a handful of messages. No timer runs while nothing changes.
 */
export class LiveMetrics {
  /** Committed increments not sent yet: journey → counter key → increment. */
  readonly #unsent = new Map<string, Map<string, number>>();
  #timer: NodeJS.Timeout | undefined;
  #lastSentAt = Number.NEGATIVE_INFINITY;
  #stopped = false;

  constructor(
    private readonly namespace: LiveNamespace,
    private readonly store: MetricStore,
    private readonly reports: MetricsReports,
    private readonly log: FastifyBaseLogger,
  ) {
    store.onWrite(() => this.#schedule());
    namespace.on('connection', (socket) => this.#connect(socket));
  }

  /** Sends no more deltas: the server is closing (work still draining must not start a timer that outlives the database). */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    if (this.#timer || this.#stopped) return;
    const wait = Math.max(0, this.#lastSentAt + DELTA_INTERVAL_MS - performance.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#send();
    }, wait);
  }

  /** Moves the increments of transactions that committed into `#unsent`. */
  #collect(): void {
    for (const { journeyId, key, delta } of this.store.takeCommitted()) {
      const counters = this.#unsent.get(journeyId) ?? new Map<string, number>();
      counters.set(key, (counters.get(key) ?? 0) + delta);
      this.#unsent.set(journeyId, counters);
    }
  }

  #send(): void {
    this.#collect();
    if (this.#unsent.size === 0) return;
    this.#lastSentAt = performance.now();
    const rooms = this.namespace.adapter.rooms;
    const watchingTotals = rooms.has(GLOBAL_ROOM);
    const totals: Record<string, JourneySummary> = {};
    let remaining: Map<string, number> | undefined;
    for (const [journeyId, unsent] of this.#unsent) {
      const counters = [...unsent].filter(([, value]) => value !== 0);
      if (counters.length === 0) continue;
      if (rooms.has(journeyRoom(journeyId))) {
        const pools = new Set(counters.flatMap(([key]) => poolOf(key) ?? []));
        if (pools.size > 0) remaining ??= this.store.remaining();
        this.namespace.to(journeyRoom(journeyId)).emit('metrics:delta', {
          journeyId,
          counters: Object.fromEntries(counters),
          remaining: Object.fromEntries([...pools].map((poolId) => [poolId, remaining?.get(poolId) ?? 0])),
        });
      }
      if (watchingTotals) {
        const summary = emptySummary();
        addToSummary(summary, counters);
        if (Object.values(summary).some((value) => value !== 0)) totals[journeyId] = summary;
      }
    }
    this.#unsent.clear();
    if (Object.keys(totals).length > 0) this.namespace.to(GLOBAL_ROOM).emit('global:delta', { journeys: totals });
  }

  #connect(socket: LiveSocket): void {
    for (const event of ['subscribe', 'unsubscribe'] as const) {
      socket.on(event, (request: unknown, ack: unknown) => {
        // A client that asks for no acknowledgement gets none; everything else is answered, never thrown.
        const reply = typeof ack === 'function' ? (ack as (reply: SubscribeReply) => void) : () => {};
        const parsed = parseSubscription(request);
        if (!parsed.ok) {
          reply(parsed);
          return;
        }
        if (event === 'unsubscribe') {
          socket.leave(roomOf(parsed.subscription));
          reply({ ok: true });
          return;
        }
        try {
          this.#subscribe(socket, parsed.subscription);
          reply({ ok: true });
        } catch (error) {
          if (!(error instanceof NotFoundError)) this.log.error({ err: error }, 'live subscription failed');
          reply({
            ok: false,
            error: error instanceof NotFoundError ? error.message : 'Something went wrong on our side',
          });
        }
      });
    }
  }

  /** Joins the room and sends the snapshot the next delta continues from. */
  #subscribe(socket: LiveSocket, subscription: Subscription): void {
    // Committed increments become unsent ones first: the snapshot leaves them out and the next delta brings them.
    this.#collect();
    if ('journeyId' in subscription) {
      const snapshot = this.reports.journeyMetrics(
        subscription.journeyId,
        null,
        this.#unsent.get(subscription.journeyId),
      );
      socket.join(journeyRoom(subscription.journeyId));
      socket.emit('metrics:snapshot', snapshot);
    } else {
      socket.join(GLOBAL_ROOM);
      socket.emit('global:snapshot', this.reports.globalMetrics(this.#unsent));
    }
  }
}

function poolOf(key: string): string | undefined {
  const counter = parseCounterKey(key);
  return counter?.kind === 'benefit' ? counter.poolId : undefined;
}
