/** `numerator / denominator`, or null when there is nothing to divide by (a rate of nothing is unknown, not 0). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
