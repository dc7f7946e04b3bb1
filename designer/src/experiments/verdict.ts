import {
  type Arm,
  alwaysValidPValue,
  type ExperimentsReport,
  type RoiFigures,
  type SplitExperiment,
} from '@journey/shared';

type Variant = SplitExperiment['variants'][number];

/** A variant's costs, as the ROI report has them (cost per conversion: null while it converted nobody). */
export type VariantCost = Pick<RoiFigures, 'cost' | 'costPerConversion'> & { variant: string };

/** What a strategist should read from a split, one sentence each (names are the variants' labels). */
export type Verdict =
  /** A treatment or its control has had no customer yet. */
  | { kind: 'waiting'; variant: string; control: string }
  /** The always-valid test tells them apart; `confidence` is 1 − its p-value, rounded down to 0.1%. */
  | { kind: 'beats'; winner: string; loser: string; confidence: number }
  /** Not told apart yet; about `morePerVariant` more customers per variant should settle it. */
  | { kind: 'noDifferenceYet'; variant: string; control: string; morePerVariant: number }
  /** Not told apart, and more customers would not change that: they convert alike. */
  | { kind: 'alike'; variant: string; control: string }
  /** The better-converting variant also costs more per conversion than the cheapest one. */
  | { kind: 'costlier'; converter: string; other: string; extraCostPerConversion: number };

/** Projections beyond this many customers per variant are no projection: the difference is too small to show. */
const MAX_CUSTOMERS_PER_VARIANT = 10_000_000;

const nameOf = (variant: Variant) => variant.label ?? variant.id;
const armOf = (variant: Variant): Arm => ({ n: variant.n, conversions: variant.conversions });
const grown = (arm: Arm, factor: number): Arm => ({
  n: Math.round(arm.n * factor),
  conversions: Math.round(arm.conversions * factor),
});

/** `value` to two significant digits, never below 1: "about 1,200 more", not "1,187 more". */
const roughly = (value: number) => Math.max(1, Number(value.toPrecision(2)));

/**
 * How many more customers the larger arm needs before the always-valid test tells the arms apart, if both
 * keep converting at today's rates and grow in today's proportions; null when the rates are equal or the
 * answer is beyond any campaign.
 */
export function morePerVariantNeeded(control: Arm, treatment: Arm, alpha: number, mixtureSd: number): number | null {
  const decides = (factor: number) =>
    alwaysValidPValue(grown(control, factor), grown(treatment, factor), mixtureSd) < alpha;
  const larger = Math.max(control.n, treatment.n);
  if (control.conversions * treatment.n === treatment.conversions * control.n) return null;
  let enough = 2;
  while (!decides(enough)) {
    if (larger * enough > MAX_CUSTOMERS_PER_VARIANT) return null;
    enough *= 2;
  }
  // Bisect between the last growth that did not decide and the first that did, to about 1%.
  let short = enough / 2;
  while (enough - short > 0.01 * short) {
    const middle = (short + enough) / 2;
    if (decides(middle)) enough = middle;
    else short = middle;
  }
  return Math.ceil((enough - 1) * larger);
}

/** A treatment against the control; short of a decision, how many more customers should bring one. */
function comparisonVerdict(
  split: SplitExperiment,
  variant: Variant,
  control: Variant,
  method: ExperimentsReport['method'],
): Verdict {
  const names = { variant: nameOf(variant), control: nameOf(control) };
  if (variant.comparison === null) return { kind: 'waiting', ...names };
  const alpha = 1 - method.confidenceLevel;
  const { alwaysValidPValue: pValue, absoluteLift } = variant.comparison;
  if (pValue < alpha) {
    const [winner, loser] = absoluteLift > 0 ? [names.variant, names.control] : [names.control, names.variant];
    return { kind: 'beats', winner, loser, confidence: Math.floor((1 - pValue) * 1000) / 1000 };
  }
  const projected = morePerVariantNeeded(armOf(control), armOf(variant), alpha, method.mixtureSd);
  const planned = split.plannedSamplePerVariant;
  const shortOfPlan = planned === null ? 0 : planned - Math.min(variant.n, control.n);
  const more = projected ?? (shortOfPlan > 0 ? shortOfPlan : null);
  return more === null
    ? { kind: 'alike', ...names }
    : { kind: 'noDifferenceYet', ...names, morePerVariant: roughly(more) };
}

/**
 * The best-converting variant against the cheapest per conversion, when they differ: among the variants
 * that cost something and converted someone.
 */
function costVerdict(split: SplitExperiment, costs: readonly VariantCost[]): Verdict | undefined {
  const priced = split.variants.flatMap((variant) => {
    const cost = costs.find((candidate) => candidate.variant === variant.id);
    return variant.rate !== null && cost && cost.cost > 0 && cost.costPerConversion !== null
      ? [{ name: nameOf(variant), rate: variant.rate, costPerConversion: cost.costPerConversion }]
      : [];
  });
  const converter = priced.reduce<(typeof priced)[number] | undefined>(
    (best, arm) => (!best || arm.rate > best.rate ? arm : best),
    undefined,
  );
  const cheapest = priced.reduce<(typeof priced)[number] | undefined>(
    (best, arm) => (!best || arm.costPerConversion < best.costPerConversion ? arm : best),
    undefined,
  );
  if (!converter || !cheapest || converter.rate === cheapest.rate) return undefined;
  if (converter.costPerConversion === cheapest.costPerConversion) return undefined;
  return {
    kind: 'costlier',
    converter: converter.name,
    other: cheapest.name,
    extraCostPerConversion: converter.costPerConversion - cheapest.costPerConversion,
  };
}

/**
 * The plain-language reading of a split: each treatment against the control by the always-valid p-value
 * (operators look at results as they come in, and the fixed-sample z-test would cry wolf), then the cost of
 * converting more, if it costs more.
 */
export function splitVerdicts(
  split: SplitExperiment,
  method: ExperimentsReport['method'],
  costs: readonly VariantCost[],
): Verdict[] {
  const control = split.variants.find((variant) => variant.id === split.controlVariantId);
  if (!control) return [];
  const verdicts = split.variants
    .filter((variant) => variant !== control)
    .map((variant) => comparisonVerdict(split, variant, control, method));
  const cost = costVerdict(split, costs);
  return cost ? [...verdicts, cost] : verdicts;
}
