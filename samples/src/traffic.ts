/**
 * Deterministic behavioural traffic for demos and load: the same seed and customer count give the
 * same events in the same order, however they are batched.
 */

export interface TrafficEvent {
  eventId: string;
  customerId: string;
  type: string;
  properties: Record<string, unknown>;
}

export interface TrafficOptions {
  seed: number;
  /** Events go to customers `demo-1` … `demo-<customers>`. */
  customers: number;
}

/** The id of the n-th (1-based) demo customer; the seed's synthetic profiles use the same ids. */
export const demoCustomerId = (n: number) => `demo-${n}`;

/** A uniform random number in [0, 1). */
export type Random = () => number;

/** mulberry32: a tiny, well-distributed 32-bit PRNG. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** An integer in [min, max]. */
export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Yuan amounts spread evenly on a log scale between `min` and `max`, rounded to the fen. */
export function amount(random: Random, min: number, max: number): number {
  return Math.round(min * (max / min) ** random() * 100) / 100;
}

const merchants = ['supermarket', 'dining', 'online', 'fuel', 'travel', 'pharmacy'] as const;
const wealthProducts = ['稳享180天', '鑫益90天', '月月盈30天', '安心理财365天'] as const;

interface Behaviour {
  type: string;
  /** Share of all events, in percent. */
  weight: number;
  properties: (random: Random) => Record<string, unknown>;
}

/** What retail-bank customers do, and how often relative to each other (weights sum to 100). */
const behaviours: readonly Behaviour[] = [
  {
    type: 'card_transaction',
    weight: 32,
    properties: (random) => ({ amount: amount(random, 5, 5_000), currency: 'CNY', merchant: pick(random, merchants) }),
  },
  { type: 'app_login', weight: 25, properties: (random) => ({ device: random() < 0.55 ? 'android' : 'ios' }) },
  { type: 'push_opened', weight: 12, properties: () => ({}) },
  { type: 'card_activated', weight: 8, properties: () => ({ card: 'co-branded' }) },
  // Most replies to a marketing SMS accept ("1"); the rest unsubscribe ("TD").
  { type: 'sms_reply', weight: 7, properties: (random) => ({ text: random() < 0.7 ? '1' : 'TD' }) },
  {
    type: 'product_purchased',
    weight: 6,
    properties: (random) => ({
      productType: pick(random, ['wealth', 'deposit', 'fund'] as const),
      amount: amount(random, 1_000, 500_000),
    }),
  },
  {
    type: 'wealth_maturity_upcoming',
    weight: 6,
    properties: (random) => ({ productName: pick(random, wealthProducts), daysToMaturity: between(random, 1, 14) }),
  },
  {
    type: 'term_deposit_subscribed',
    weight: 4,
    properties: (random) => ({
      termMonths: pick(random, [3, 6, 12, 24] as const),
      amount: amount(random, 10_000, 1e6),
    }),
  },
];

/** Each event type with its share of the traffic in percent. */
export const trafficMix: ReadonlyMap<string, number> = new Map(behaviours.map(({ type, weight }) => [type, weight]));

function pickBehaviour(random: Random): Behaviour {
  let roll = random() * 100;
  for (const behaviour of behaviours) {
    roll -= behaviour.weight;
    if (roll < 0) return behaviour;
  }
  return behaviours.at(-1)!;
}

export function createTraffic({ seed, customers }: TrafficOptions) {
  const random = createRandom(seed);
  let sequence = 0;
  return {
    /** The next `count` events. */
    next(count: number): TrafficEvent[] {
      return Array.from({ length: count }, () => {
        const behaviour = pickBehaviour(random);
        sequence++;
        return {
          // Another seed or customer count gives other events, so it gets other ids.
          eventId: `sim-${seed}-${customers}-${sequence}`,
          customerId: demoCustomerId(between(random, 1, customers)),
          type: behaviour.type,
          properties: behaviour.properties(random),
        };
      });
    },
  };
}
