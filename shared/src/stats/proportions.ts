import { normalCdf, normalQuantile } from './normal';

/** One arm of an experiment: customers assigned to it and how many of them converted. */
export interface Arm {
  n: number;
  conversions: number;
}

export interface ProportionComparison {
  /** Treatment rate − control rate. */
  absoluteLift: number;
  /** `absoluteLift / control rate`; null when the control never converted. */
  relativeLift: number | null;
  /** Wald interval of the difference, with the unpooled standard error. */
  confidenceInterval: { level: number; low: number; high: number };
  /** Difference over its standard error under "no difference" (pooled rate). */
  zScore: number;
  /** Two-sided p-value of the z-test. */
  pValue: number;
}

/** Refuses counts that are no experiment arm; callers only compare arms that have customers. */
export function assertArm(arm: Arm, name: string): void {
  const { n, conversions } = arm;
  if (!Number.isInteger(n) || n <= 0 || !Number.isInteger(conversions) || conversions < 0 || conversions > n) {
    throw new RangeError(`${name}: need whole numbers with 0 ≤ conversions ≤ n and n > 0, got ${conversions} of ${n}`);
  }
}

/** Conversion rate of an arm with customers. */
export const rateOf = (arm: Arm): number => arm.conversions / arm.n;

/**
 * The textbook two-proportion z-test of treatment against control: z uses the pooled rate (the
 * null hypothesis says both arms convert alike), the confidence interval of the difference uses
 * each arm's own rate. When neither arm ever (or always) converted there is no evidence: z = 0, p = 1.
 */
export function twoProportionZTest(control: Arm, treatment: Arm, level = 0.95): ProportionComparison {
  assertArm(control, 'control');
  assertArm(treatment, 'treatment');
  const controlRate = rateOf(control);
  const treatmentRate = rateOf(treatment);
  const difference = treatmentRate - controlRate;
  const pooled = (control.conversions + treatment.conversions) / (control.n + treatment.n);
  const pooledError = Math.sqrt(pooled * (1 - pooled) * (1 / control.n + 1 / treatment.n));
  const zScore = pooledError === 0 ? 0 : difference / pooledError;
  const error = Math.sqrt(
    (controlRate * (1 - controlRate)) / control.n + (treatmentRate * (1 - treatmentRate)) / treatment.n,
  );
  const margin = normalQuantile(1 - (1 - level) / 2) * error;
  return {
    absoluteLift: difference,
    relativeLift: control.conversions === 0 ? null : difference / controlRate,
    confidenceInterval: { level, low: difference - margin, high: difference + margin },
    zScore,
    pValue: 2 * normalCdf(-Math.abs(zScore)),
  };
}
