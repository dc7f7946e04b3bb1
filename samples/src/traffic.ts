/** Deterministic behavioural traffic for demos and load: the same seed gives the same events. */

export interface TrafficEvent {
  eventId: string;
  customerId: string;
  type: string;
  properties: Record<string, unknown>;
}

/** mulberry32: a tiny, well-distributed 32-bit PRNG. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Relative frequency of each behaviour among retail-bank app and card events. */
const behaviours: Array<{ type: string; weight: number; properties: (next: () => number) => Record<string, unknown> }> =
  [
    { type: 'card_activated', weight: 1, properties: () => ({}) },
    { type: 'card_transaction', weight: 5, properties: (next) => ({ amount: Math.round(next() * 30_000) / 100 }) },
    { type: 'app_login', weight: 4, properties: () => ({}) },
    { type: 'push_opened', weight: 2, properties: () => ({}) },
    { type: 'sms_reply', weight: 1, properties: (next) => ({ text: next() < 0.5 ? '1' : 'TD' }) },
    { type: 'product_purchased', weight: 1, properties: (next) => ({ amount: Math.round(next() * 500_000) / 100 }) },
  ];
const totalWeight = behaviours.reduce((sum, behaviour) => sum + behaviour.weight, 0);

export function createTraffic({ seed, customers }: { seed: number; customers: number }) {
  const next = random(seed);
  let sequence = 0;
  function pick() {
    let roll = next() * totalWeight;
    for (const behaviour of behaviours) {
      roll -= behaviour.weight;
      if (roll < 0) return behaviour;
    }
    return behaviours[0]!;
  }
  return {
    /** The next `count` events. */
    next(count: number): TrafficEvent[] {
      return Array.from({ length: count }, () => {
        const behaviour = pick();
        sequence++;
        return {
          eventId: `sim-${seed}-${sequence}`,
          customerId: `demo-${1 + Math.floor(next() * customers)}`,
          type: behaviour.type,
          properties: behaviour.properties(next),
        };
      });
    },
  };
}
