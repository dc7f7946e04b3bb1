import { type Arm, assertArm, rateOf } from './proportions';

/**
 * Spread (standard deviation) of the absolute lifts the mixture expects: 2 percentage points, the size of
 * effect a bank offer typically has on conversion. It tunes how fast real effects are detected, never validity.
 */
export const DEFAULT_MIXTURE_SD = 0.02;

/**
 * An always-valid p-value for the difference of two conversion rates: the mixture sequential probability
 * ratio test (mSPRT) of Johari, Koomen, Pekelis and Walsh ("Always valid inference", Operations Research 2022),
 * with a normal mixture N(0, τ²) over the difference θ and the normal approximation θ̂ ~ N(θ, V):
 *
 *   Λ = √(V / (V + τ²)) · exp(τ² θ̂² / (2 V (V + τ²))),   p = min(1, 1 / Λ)
 *
 * where V = p̄(1 − p̄)(1/n₁ + 1/n₂) is the variance of θ̂ when both arms convert alike at the pooled rate p̄
 * (as in the z-test; it is only zero when neither arm ever, or both always, converted: no evidence, p = 1). Under "no difference" Λ is a martingale with mean 1, so by Ville's
 * inequality P(Λ ever reaches 1/α) ≤ α: the p-value may be read after every customer and acted on at once
 * without inflating false positives, unlike the fixed-sample z-test. This is the value at the current sample;
 * the running minimum over all looks would be smaller, so reporting the current one is conservative.
 */
export function alwaysValidPValue(control: Arm, treatment: Arm, mixtureSd = DEFAULT_MIXTURE_SD): number {
  assertArm(control, 'control');
  assertArm(treatment, 'treatment');
  const pooled = (control.conversions + treatment.conversions) / (control.n + treatment.n);
  const variance = pooled * (1 - pooled) * (1 / control.n + 1 / treatment.n);
  if (variance === 0) return 1;
  const mixtureVariance = mixtureSd ** 2;
  const difference = rateOf(treatment) - rateOf(control);
  const logLikelihoodRatio =
    0.5 * Math.log(variance / (variance + mixtureVariance)) +
    (mixtureVariance * difference ** 2) / (2 * variance * (variance + mixtureVariance));
  return Math.min(1, Math.exp(-logLikelihoodRatio));
}
