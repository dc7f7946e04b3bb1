import { sql } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { CustomerStore } from '../customers/store';
import type { Database, Transaction } from '../db/client';
import { events } from '../db/schema';
import type { EventInput, IngestResult } from './schema';

/** An event as stored: times resolved to epoch milliseconds. */
export type StoredEvent = typeof events.$inferSelect;

/**
 * Receives the events a request stored for the first time (never duplicates), synchronously and inside the
 * transaction that stores them: whatever a sink writes commits with the events, and a sink that throws rolls
 * the whole batch back (the client gets an error and can retry the same eventIds).
 */
export type EventSink = (stored: readonly StoredEvent[], tx: Transaction) => void;

function toEpochMs(timestamp: EventInput['timestamp'], receivedAt: number): number {
  if (timestamp === undefined) return receivedAt;
  return typeof timestamp === 'number' ? timestamp : Date.parse(timestamp);
}

/** Stores behavioural events exactly once per eventId and hands the new ones to the registered sinks. */
export class EventIngestion {
  readonly #db: Database;
  readonly #customers: CustomerStore;
  readonly #clock: Clock;
  readonly #sinks: EventSink[] = [];
  readonly #insertIfNew;

  constructor(db: Database, customers: CustomerStore, clock: Clock) {
    this.#db = db;
    this.#customers = customers;
    this.#clock = clock;
    this.#insertIfNew = db
      .insert(events)
      .values({
        eventId: sql.placeholder('eventId'),
        customerId: sql.placeholder('customerId'),
        type: sql.placeholder('type'),
        timestamp: sql.placeholder('timestamp'),
        properties: sql.placeholder('properties'),
        receivedAt: sql.placeholder('receivedAt'),
      })
      .onConflictDoNothing()
      .prepare();
  }

  /** Registers a sink; sinks run in registration order. */
  addSink(sink: EventSink): void {
    this.#sinks.push(sink);
  }

  ingest(inputs: readonly EventInput[]): IngestResult {
    const receivedAt = this.#clock.now();
    const stored = this.#db.transaction((tx) => {
      const fresh: StoredEvent[] = [];
      for (const input of inputs) {
        const event: StoredEvent = {
          eventId: input.eventId,
          customerId: input.customerId,
          type: input.type,
          timestamp: toEpochMs(input.timestamp, receivedAt),
          properties: input.properties ?? {},
          receivedAt,
        };
        this.#customers.ensureExists(event.customerId, receivedAt);
        if (this.#insertIfNew.run(event).changes === 1) fresh.push(event);
      }
      if (fresh.length > 0) for (const sink of this.#sinks) sink(fresh, tx);
      return fresh;
    });
    return { accepted: stored.length, duplicates: inputs.length - stored.length };
  }
}
