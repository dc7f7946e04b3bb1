/**
 * The standard normal distribution, in double precision and without dependencies.
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-(x * x) / 2) / SQRT_2PI;
}

/** Horner's rule; coefficients from the highest power down. */
const polynomial = (coefficients: readonly number[], x: number) =>
  coefficients.reduce((sum, coefficient) => sum * x + coefficient, 0);

const HART_NUMERATOR = [
  0.0352624965998911, 0.700383064443688, 6.37396220353165, 33.912866078383, 112.079291497871, 221.213596169931,
  220.206867912376,
];
const HART_DENOMINATOR = [
  0.0883883476483184, 1.75566716318264, 16.064177579207, 86.7807322029461, 296.564248779674, 637.333633378831,
  793.826512519948, 440.413735824752,
];

/**
 * Standard normal CDF Φ(x), by Hart's rational approximation (algorithm 5666, as published by
 * G. West, "Better approximations to cumulative normal functions", 2005): absolute error below 1e-15,
 * relative error below 1e-8 even far in the tails, where computing `1 - Φ` naively would lose every digit.
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x);
  let tail: number;
  if (z > 37) {
    tail = 0;
  } else if (z < 7.07106781186547) {
    tail = (polynomial(HART_NUMERATOR, z) * Math.exp(-(z * z) / 2)) / polynomial(HART_DENOMINATOR, z);
  } else {
    // Continued fraction for the far tail.
    const fraction = z + 1 / (z + 2 / (z + 3 / (z + 4 / (z + 0.65))));
    tail = Math.exp(-(z * z) / 2) / fraction / SQRT_2PI;
  }
  return x > 0 ? 1 - tail : tail;
}

// Acklam's rational approximation of the normal quantile (relative error < 1.2e-9 before refinement).
const ACKLAM_A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
];
const ACKLAM_B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const ACKLAM_C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const ACKLAM_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** The standard normal quantile Φ⁻¹(p) for 0 < p < 1 (e.g. 1.959964 for 0.975), to about 15 digits (9 beyond |x| > 7). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  let x: number;
  if (p < P_LOW || p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p < P_LOW ? p : 1 - p));
    const tail = polynomial(ACKLAM_C, q) / (polynomial(ACKLAM_D, q) * q + 1);
    x = p < P_LOW ? tail : -tail;
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (polynomial(ACKLAM_A, r) * q) / (polynomial(ACKLAM_B, r) * r + 1);
  }
  // One Halley step on Φ(x) − p brings the approximation to full double precision.
  const error = normalCdf(x) - p;
  const step = error / normalPdf(x);
  return x - step / (1 + (x * step) / 2);
}
