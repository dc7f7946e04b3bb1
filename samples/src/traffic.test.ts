import { describe, expect, it } from 'vitest';
import { createTraffic, type TrafficEvent, trafficMix } from './traffic';

const eventsOf = (events: TrafficEvent[], type: string) => events.filter((event) => event.type === type);

describe('traffic', () => {
  it('is deterministic by seed and customer count', () => {
    const events = createTraffic({ seed: 7, customers: 100 }).next(50);
    expect(createTraffic({ seed: 7, customers: 100 }).next(50)).toEqual(events);
    expect(createTraffic({ seed: 8, customers: 100 }).next(50)).not.toEqual(events);
    const otherCount = createTraffic({ seed: 7, customers: 101 }).next(50);
    expect(otherCount.map((event) => event.eventId)).not.toContain(events[0]?.eventId);
  });

  it('gives the same sequence however it is batched', () => {
    const batched = createTraffic({ seed: 3, customers: 50 });
    const inOne = createTraffic({ seed: 3, customers: 50 }).next(100);
    expect([...batched.next(1), ...batched.next(29), ...batched.next(70)]).toEqual(inOne);
  });

  it('gives unique event ids and spreads events over every customer in the range', () => {
    const events = createTraffic({ seed: 1, customers: 10 }).next(1_000);
    expect(new Set(events.map((event) => event.eventId)).size).toBe(1_000);
    expect(new Set(events.map((event) => event.customerId))).toEqual(
      new Set(Array.from({ length: 10 }, (_, index) => `demo-${index + 1}`)),
    );
  });

  it('sends each behaviour at its share of the mix', () => {
    expect([...trafficMix.keys()].sort()).toEqual([
      'app_login',
      'card_activated',
      'card_transaction',
      'product_purchased',
      'push_opened',
      'sms_reply',
      'term_deposit_subscribed',
      'wealth_maturity_upcoming',
    ]);
    expect([...trafficMix.values()].reduce((sum, weight) => sum + weight, 0)).toBe(100);
    const events = createTraffic({ seed: 42, customers: 1_000 }).next(20_000);
    for (const [type, weight] of trafficMix) {
      expect(Math.abs((eventsOf(events, type).length / events.length) * 100 - weight), type).toBeLessThan(1);
    }
  });

  it('gives the properties the sample journeys read', () => {
    const events = createTraffic({ seed: 5, customers: 100 }).next(5_000);
    const amounts = eventsOf(events, 'card_transaction').map((event) => event.properties.amount as number);
    for (const value of amounts) {
      expect(value).toBeGreaterThanOrEqual(5);
      expect(value).toBeLessThanOrEqual(5_000);
      expect(Math.round(value * 100) / 100).toBe(value);
    }
    // Enough first spends reach the ¥99 of the credit-card welcome, and enough do not.
    const atLeast99 = amounts.filter((value) => value >= 99).length / amounts.length;
    expect(atLeast99).toBeGreaterThan(0.4);
    expect(atLeast99).toBeLessThan(0.7);

    const maturities = eventsOf(events, 'wealth_maturity_upcoming').map((event) => event.properties);
    expect(new Set(maturities.map((properties) => properties.daysToMaturity))).toEqual(
      new Set(Array.from({ length: 14 }, (_, index) => index + 1)),
    );
    for (const properties of maturities) expect(properties.productName).toEqual(expect.any(String));
    expect(new Set(eventsOf(events, 'sms_reply').map((event) => event.properties.text))).toEqual(new Set(['1', 'TD']));
  });
});
