import {
  type Arm,
  alwaysValidPValue,
  DEFAULT_MIXTURE_SD,
  type SplitExperiment,
  twoProportionZTest,
  type VariantResult,
} from '@journey/shared';
import { describe, expect, it } from 'vitest';
import { morePerVariantNeeded, splitVerdicts, type VariantCost } from './verdict';

const method = { confidenceLevel: 0.95, mixtureSd: DEFAULT_MIXTURE_SD };

/** A split as the runtime reports it: each arm compared with the first (the control). */
function split(
  arms: Array<{ id: string; n: number; conversions: number }>,
  planned: number | null = null,
): SplitExperiment {
  const [control] = arms;
  if (!control) throw new Error('a split needs a control');
  const variants = arms.map(
    ({ id, n, conversions }): VariantResult => ({
      id,
      label: null,
      control: id === control.id,
      n,
      conversions,
      rate: n > 0 ? conversions / n : null,
      plannedSampleReached: planned === null ? null : n >= planned,
      comparison:
        id === control.id || n === 0 || control.n === 0
          ? null
          : {
              ...twoProportionZTest(control, { n, conversions }),
              alwaysValidPValue: alwaysValidPValue(control, { n, conversions }),
            },
    }),
  );
  return {
    nodeId: 'offer',
    label: null,
    controlVariantId: control.id,
    plannedSamplePerVariant: planned,
    plannedSampleReached: null,
    variants,
  };
}

describe('experiment verdicts', () => {
  it('say which variant beats the control, with the always-valid confidence rounded down', () => {
    const result = split([
      { id: 'A', n: 5_000, conversions: 500 },
      { id: 'B', n: 5_000, conversions: 600 },
    ]);
    const pValue = result.variants[1]?.comparison?.alwaysValidPValue ?? 1;
    expect(pValue).toBeLessThan(0.05);
    expect(splitVerdicts(result, method, [])).toEqual([
      { kind: 'beats', winner: 'B', loser: 'A', confidence: Math.floor((1 - pValue) * 1000) / 1000 },
    ]);
  });

  it('name the control the winner when the variant does worse', () => {
    const verdicts = splitVerdicts(
      split([
        { id: 'control', n: 5_000, conversions: 600 },
        { id: 'B', n: 5_000, conversions: 500 },
      ]),
      method,
      [],
    );
    expect(verdicts).toMatchObject([{ kind: 'beats', winner: 'control', loser: 'B' }]);
  });

  it('do not claim a win the z-test alone would claim, and say how many more customers are needed', () => {
    const result = split([
      { id: 'A', n: 1_000, conversions: 100 },
      { id: 'B', n: 1_000, conversions: 130 },
    ]);
    expect(result.variants[1]?.comparison?.pValue).toBeLessThan(0.05);
    const [verdict] = splitVerdicts(result, method, []);
    expect(verdict).toMatchObject({ kind: 'noDifferenceYet', variant: 'B', control: 'A' });
    expect(verdict?.kind === 'noDifferenceYet' && verdict.morePerVariant).toBeGreaterThan(0);
  });

  it('project the sample at which the always-valid test would decide, at today’s rates', () => {
    const control: Arm = { n: 1_000, conversions: 100 };
    const treatment: Arm = { n: 1_000, conversions: 130 };
    const more = morePerVariantNeeded(control, treatment, 0.05, DEFAULT_MIXTURE_SD) ?? 0;
    const at = (n: number) =>
      alwaysValidPValue({ n, conversions: Math.round(n / 10) }, { n, conversions: Math.round(n * 0.13) });
    expect(at(1_000 + more)).toBeLessThan(0.05);
    expect(at(1_000 + Math.floor(more * 0.97))).toBeGreaterThanOrEqual(0.05);
  });

  it('fall back on the planned sample when the rates are equal, else call the variants alike', () => {
    const equal = [
      { id: 'A', n: 400, conversions: 40 },
      { id: 'B', n: 400, conversions: 40 },
    ];
    expect(splitVerdicts(split(equal, 3_000), method, [])).toEqual([
      { kind: 'noDifferenceYet', variant: 'B', control: 'A', morePerVariant: 2_600 },
    ]);
    expect(splitVerdicts(split(equal), method, [])).toEqual([{ kind: 'alike', variant: 'B', control: 'A' }]);
  });

  it('wait while an arm has no customers', () => {
    const verdicts = splitVerdicts(
      split([
        { id: 'A', n: 10, conversions: 1 },
        { id: 'B', n: 0, conversions: 0 },
      ]),
      method,
      [],
    );
    expect(verdicts).toEqual([{ kind: 'waiting', variant: 'B', control: 'A' }]);
  });

  it('point out that the better-converting variant costs more per conversion', () => {
    const result = split([
      { id: 'control', n: 500, conversions: 20 },
      { id: 'A', n: 2_000, conversions: 300 },
      { id: 'B', n: 2_000, conversions: 200 },
    ]);
    const costs: VariantCost[] = [
      { variant: 'control', cost: 0, costPerConversion: 0 },
      { variant: 'A', cost: 6_000, costPerConversion: 20 },
      { variant: 'B', cost: 2_500, costPerConversion: 12.5 },
    ];
    expect(splitVerdicts(result, method, costs).at(-1)).toEqual({
      kind: 'costlier',
      converter: 'A',
      other: 'B',
      extraCostPerConversion: 7.5,
    });
    const cheaperA = costs.map((cost) => (cost.variant === 'A' ? { ...cost, costPerConversion: 10 } : cost));
    expect(splitVerdicts(result, method, cheaperA).map((verdict) => verdict.kind)).not.toContain('costlier');
  });
});
