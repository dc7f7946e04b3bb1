import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from './normal';
import { twoProportionZTest } from './proportions';
import { alwaysValidPValue } from './sequential';

describe('standard normal distribution', () => {
  it('matches the printed table of Φ', () => {
    // Four-decimal values from any standard normal table.
    const table: Array<[number, number]> = [
      [0, 0.5],
      [0.5, 0.6915],
      [1, 0.8413],
      [1.645, 0.95],
      [1.96, 0.975],
      [2.33, 0.9901],
      [2.576, 0.995],
      [3, 0.99865],
      [-1, 0.1587],
      [-1.96, 0.025],
    ];
    for (const [x, phi] of table) expect(normalCdf(x), `Φ(${x})`).toBeCloseTo(phi, 4);
  });

  it('keeps its digits far in the tail, where 1 − Φ would lose them', () => {
    // Φ(−8) = 6.220960574271785e-16 (Abramowitz & Stegun, table 26.1, to the digits shown there).
    expect(normalCdf(-8) / 6.22096057427e-16).toBeCloseTo(1, 7);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });

  it('has the critical values of the z tables as quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 6);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 6);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it('is symmetric, and the quantile inverts the CDF', () => {
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }), (x) => {
        expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 14);
        // Inverted from the lower tail, where Φ(x) keeps all its digits (near 1 a double cannot hold them).
        expect(normalQuantile(normalCdf(-Math.abs(x)))).toBeCloseTo(-Math.abs(x), 8);
      }),
    );
  });
});

describe('two-proportion z-test', () => {
  it('reproduces a hand-computed example', () => {
    // control 20/100 = 0.20, treatment 35/100 = 0.35, difference 0.15
    // pooled 55/200 = 0.275; SE₀ = √(0.275 · 0.725 · (1/100 + 1/100)) = √0.0039875 = 0.063147
    // z = 0.15 / 0.063147 = 2.3754; p = 2 · (1 − Φ(2.3754)) = 2 · 0.008764 = 0.01753
    // SE = √(0.20 · 0.80 / 100 + 0.35 · 0.65 / 100) = √0.003875 = 0.062249
    // 95% CI = 0.15 ± 1.959964 · 0.062249 = [0.0280, 0.2720]; relative lift 0.15 / 0.20 = 0.75
    const result = twoProportionZTest({ n: 100, conversions: 20 }, { n: 100, conversions: 35 });
    expect(result.absoluteLift).toBeCloseTo(0.15, 10);
    expect(result.relativeLift).toBeCloseTo(0.75, 10);
    expect(result.zScore).toBeCloseTo(2.3754, 4);
    expect(result.pValue).toBeCloseTo(0.01753, 5);
    expect(result.confidenceInterval.level).toBe(0.95);
    expect(result.confidenceInterval.low).toBeCloseTo(0.028, 4);
    expect(result.confidenceInterval.high).toBeCloseTo(0.272, 4);
  });

  it("agrees with Agresti's aspirin example (Physicians' Health Study)", () => {
    // Agresti, Categorical Data Analysis, §2.2: heart attacks in 189 of 11,034 on placebo and 104 of
    // 11,037 on aspirin; difference 0.0094 − 0.0171 = −0.0077, 95% CI (−0.011, −0.005), z ≈ −5.0.
    const result = twoProportionZTest({ n: 11_034, conversions: 189 }, { n: 11_037, conversions: 104 });
    expect(result.absoluteLift).toBeCloseTo(-0.0077, 4);
    expect(result.confidenceInterval.low).toBeCloseTo(-0.011, 3);
    expect(result.confidenceInterval.high).toBeCloseTo(-0.005, 3);
    expect(result.zScore).toBeCloseTo(-5.0, 2);
    expect(result.pValue).toBeLessThan(1e-6);
  });

  it('finds no evidence when neither arm converted, and no relative lift over a zero control', () => {
    expect(twoProportionZTest({ n: 50, conversions: 0 }, { n: 60, conversions: 0 })).toMatchObject({
      absoluteLift: 0,
      relativeLift: null,
      zScore: 0,
      pValue: 1,
    });
    expect(twoProportionZTest({ n: 50, conversions: 0 }, { n: 50, conversions: 5 }).relativeLift).toBeNull();
  });

  it('refuses counts that are no experiment arm', () => {
    expect(() => twoProportionZTest({ n: 0, conversions: 0 }, { n: 10, conversions: 1 })).toThrow(RangeError);
    expect(() => twoProportionZTest({ n: 10, conversions: 11 }, { n: 10, conversions: 1 })).toThrow(RangeError);
  });
});

describe('always-valid (mSPRT) p-value', () => {
  it('reproduces a hand-computed example', () => {
    // Same arms as the z-test example: θ̂ = 0.15, V = 0.0039875 (pooled), τ² = 0.02² = 0.0004.
    // Λ = √(0.0039875 / 0.0043875) · exp(0.0004 · 0.0225 / (2 · 0.0039875 · 0.0043875))
    //   = 0.953327 · exp(0.257214) = 0.953327 · 1.293315 = 1.232952;  p = 1 / Λ = 0.81106
    expect(alwaysValidPValue({ n: 100, conversions: 20 }, { n: 100, conversions: 35 })).toBeCloseTo(0.81106, 5);
  });

  it('is 1 without a difference and falls as the same difference is seen in more customers', () => {
    expect(alwaysValidPValue({ n: 1000, conversions: 100 }, { n: 1000, conversions: 100 })).toBe(1);
    const atScale = [1, 4, 16].map((k) =>
      alwaysValidPValue({ n: 1000 * k, conversions: 100 * k }, { n: 1000 * k, conversions: 130 * k }),
    );
    expect(atScale[0]).toBeGreaterThan(atScale[1]!);
    expect(atScale[1]).toBeGreaterThan(atScale[2]!);
    expect(atScale[2]).toBeLessThan(1e-6);
  });

  it('keeps false positives under 5% for an operator who peeks after every 100 customers', () => {
    // A/A experiments (both arms convert at 10%) from a seeded generator: stopping at the first look with
    // p < 0.05 is what peeking operators do. The fixed-sample z-test then "finds" an effect far too often.
    let state = 20_240_601;
    const uniform = () => {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      return state / 2 ** 32;
    };
    const experiments = 400;
    let sequentialFalsePositives = 0;
    let peekingZFalsePositives = 0;
    for (let experiment = 0; experiment < experiments; experiment++) {
      const control = { n: 0, conversions: 0 };
      const treatment = { n: 0, conversions: 0 };
      let sequentialRejected = false;
      let zRejected = false;
      for (let look = 1; look <= 40; look++) {
        for (let customer = 0; customer < 50; customer++) {
          control.n++;
          treatment.n++;
          if (uniform() < 0.1) control.conversions++;
          if (uniform() < 0.1) treatment.conversions++;
        }
        sequentialRejected ||= alwaysValidPValue(control, treatment) < 0.05;
        zRejected ||= twoProportionZTest(control, treatment).pValue < 0.05;
      }
      if (sequentialRejected) sequentialFalsePositives++;
      if (zRejected) peekingZFalsePositives++;
    }
    expect(sequentialFalsePositives / experiments).toBeLessThan(0.05);
    expect(peekingZFalsePositives / experiments).toBeGreaterThan(0.1);
  });
});
