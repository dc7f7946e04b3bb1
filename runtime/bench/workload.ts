/** The journey, the customers and the event mix, shared by the HTTP phases and the in-process ceiling. */
import { existsSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { JourneyDocument } from '@journey/shared';
import { parse as parseCsv } from 'csv-parse/sync';

/** Monday 2025-03-03 10:00 in Asia/Shanghai: outside the journey's quiet hours; the manual clock starts here. */
export const CLOCK_START = Date.parse('2025-03-03T02:00:00Z');
const JOURNEY_FILE = new URL('../../samples/journeys/credit-card-welcome.json', import.meta.url);
const BANK_CSV = new URL('../../../shared/data/bank-marketing.csv', import.meta.url);

/** An event as `POST /v1/events` takes it. */
export interface EventBody {
  eventId: string;
  customerId: string;
  type: string;
  /** Epoch ms; the runtime uses the time of receipt (the manual clock) without it. */
  timestamp?: number;
  properties?: Record<string, unknown>;
}

export function loadJourney(): JourneyDocument {
  return JSON.parse(readFileSync(JOURNEY_FILE, 'utf8')) as JourneyDocument;
}

export const customerId = (index: number) => `c${String(index).padStart(6, '0')}`;
export const customerIndex = (id: string) => Number(id.slice(1));
export const customerName = (index: number) => `Customer ${index}`;

/**
 * Each customer cycles through these, starting at a different place, so every batch mixes them:
 * a ≥ 99 spend (matches wait-first-spend: benefit grant + push; at the weekly habit it counts),
 * a push opened (the journey listens to it, but not where the customer is: ignored),
 * a small spend (converts the goal the first time; counts at the weekly habit; otherwise ignored).
 * A customer needs 7 events of this cycle to finish the journey (match, then 3 counts), see MAX_ROUNDS.
 */
const MIX: ReadonlyArray<{ type: string; properties: Record<string, unknown> }> = [
  { type: 'card_transaction', properties: { amount: 150, merchant: 'supermarket' } },
  { type: 'push_opened', properties: {} },
  { type: 'card_transaction', properties: { amount: 20, merchant: 'coffee' } },
  { type: 'push_opened', properties: {} },
];

/** Rounds of the mix per customer at most, so that no instance finishes and every event meets an active one. */
export const MAX_ROUNDS = 6;

export const DAY_MS = 86_400_000;

/**
 * When customer `index`'s events happened. Odd customers live a day behind (their events reach the runtime a
 * day late), so every timer of theirs falls due a day before any of the even customers': (d) fires exactly those.
 */
export const eventTime = (index: number) => (index % 2 === 1 ? CLOCK_START - DAY_MS : CLOCK_START);

/**
 * The instant (d) moves the clock to: past every 60-day timeout of the odd customers, before the even ones', and
 * at 14:00 in Shanghai, outside quiet hours, so the pushes those timeouts queue go out at once.
 */
export const TIMERS_TARGET = CLOCK_START + 59 * DAY_MS + 4 * 3_600_000;

/** The steady-state event number `index`: customers in turn, each at its own place in the mix. */
export function steadyEvent(index: number, customers: number): EventBody {
  const customer = index % customers;
  const round = Math.floor(index / customers);
  const kind = MIX[(customer + round) % MIX.length]!;
  return {
    eventId: `s${index}`,
    customerId: customerId(customer),
    type: kind.type,
    timestamp: eventTime(customer),
    properties: kind.properties,
  };
}

/** The trigger event that enters customer `index` into the journey. */
export const triggerEvent = (index: number): EventBody => ({
  eventId: `t${index}`,
  customerId: customerId(index),
  type: 'card_activated',
  timestamp: eventTime(index),
});

/** Customer attribute rows: the public bank telemarketing data set, cycled; a synthetic row if it is missing. */
function attributeRows(): Array<Record<string, unknown>> {
  if (!existsSync(BANK_CSV)) return [{ age: 40, job: 'admin.', marital: 'married' }];
  const records = parseCsv(readFileSync(BANK_CSV), { columns: true, to: 5_000 }) as Array<Record<string, string>>;
  const typed = (text: string) => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);
  return records.map((record) => Object.fromEntries(Object.entries(record).map(([key, text]) => [key, typed(text)])));
}

/** The NDJSON file `POST /v1/customers/import?idColumn=id` takes, generated as a stream. */
export function customerFile(customers: number): Readable {
  const rows = attributeRows();
  function* chunks(): Generator<string> {
    let chunk = '';
    for (let index = 0; index < customers; index++) {
      chunk += `${JSON.stringify({ id: customerId(index), name: customerName(index), ...rows[index % rows.length] })}\n`;
      if (chunk.length > 64_000) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  return Readable.from(chunks());
}
