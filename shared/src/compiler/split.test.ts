import { describe, expect, it } from 'vitest';
import { assignVariant, splitBucket, variantRanges } from './split';

const variants = [
  { id: 'A', weight: 45 },
  { id: 'B', weight: 45 },
  { id: 'control', weight: 10 },
];

describe('split assignment', () => {
  it('matches the weights within statistical tolerance over 100,000 customers', () => {
    const n = 100_000;
    const counts: Record<string, number> = { A: 0, B: 0, control: 0 };
    for (let index = 0; index < n; index++) {
      const variant = assignVariant('payroll-offer', 'split-1', `customer-${index}`, variants);
      counts[variant] = (counts[variant] ?? 0) + 1;
    }
    for (const { id, weight } of variants) {
      const p = weight / 100;
      // Five standard errors of a binomial proportion: a correct hash fails this about once in 3 million runs.
      const tolerance = 5 * Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs((counts[id] ?? 0) / n - p)).toBeLessThan(tolerance);
    }
  });

  it('is stable across runs and releases: a customer keeps their variant', () => {
    // Pinned: changing the hash would move customers of running experiments to other variants.
    expect(splitBucket('payroll-offer', 'split-1', 'customer-1')).toMatchInlineSnapshot(`19.3578545935452`);
    expect(
      ['customer-1', 'customer-2', 'customer-3', 'customer-4'].map((id) =>
        assignVariant('payroll-offer', 'split-1', id, variants),
      ),
    ).toMatchInlineSnapshot(`
      [
        "A",
        "B",
        "A",
        "A",
      ]
    `);
  });

  it('assigns independently at different split nodes', () => {
    let same = 0;
    const n = 10_000;
    for (let index = 0; index < n; index++) {
      const first = assignVariant(
        'j',
        'split-1',
        `c${index}`,
        variants.slice(0, 2).map((v) => ({ ...v, weight: 50 })),
      );
      const second = assignVariant(
        'j',
        'split-2',
        `c${index}`,
        variants.slice(0, 2).map((v) => ({ ...v, weight: 50 })),
      );
      if (first === second) same++;
    }
    expect(Math.abs(same / n - 0.5)).toBeLessThan(0.03);
  });

  it('never leaves a bucket unassigned, even with rounding in the weights', () => {
    const ranges = variantRanges([
      { id: 'a', weight: 33.3 },
      { id: 'b', weight: 33.3 },
      { id: 'c', weight: 33.4 },
    ]);
    expect(ranges[0]?.from).toBe(0);
    expect(ranges.at(-1)?.to).toBe(100);
    for (let index = 1; index < ranges.length; index++) expect(ranges[index]?.from).toBe(ranges[index - 1]?.to);
  });
});
