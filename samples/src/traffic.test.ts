import { describe, expect, it } from 'vitest';
import { createTraffic } from './traffic';

describe('traffic', () => {
  it('is deterministic by seed', () => {
    expect(createTraffic({ seed: 7, customers: 100 }).next(50)).toEqual(
      createTraffic({ seed: 7, customers: 100 }).next(50),
    );
    expect(createTraffic({ seed: 8, customers: 100 }).next(50)).not.toEqual(
      createTraffic({ seed: 7, customers: 100 }).next(50),
    );
  });

  it('gives unique event ids and customers within the range', () => {
    const events = createTraffic({ seed: 1, customers: 10 }).next(1_000);
    expect(new Set(events.map((event) => event.eventId)).size).toBe(1_000);
    for (const event of events) expect(Number(event.customerId.replace('demo-', ''))).toBeLessThanOrEqual(10);
    expect(new Set(events.map((event) => event.type)).size).toBeGreaterThan(4);
  });
});
