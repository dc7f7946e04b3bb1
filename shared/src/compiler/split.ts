import murmurhash from 'murmurhash';

/**
 * The customer's position in [0, 100) for one split node: a pure function of
 * (journeyId, nodeId, customerId), so a customer always lands in the same variant,
 * across restarts and replays, while different splits assign independently.
 */
export function splitBucket(journeyId: string, nodeId: string, customerId: string): number {
  return (murmurhash.v3(`${journeyId}\u0000${nodeId}\u0000${customerId}`) / 2 ** 32) * 100;
}

export interface VariantRange {
  variantId: string;
  /** Inclusive lower bound of the bucket range, 0–100. */
  from: number;
  /** Exclusive upper bound. */
  to: number;
}

/** Cumulative bucket ranges for weighted variants (weights sum to 100). */
export function variantRanges(variants: ReadonlyArray<{ id: string; weight: number }>): VariantRange[] {
  let from = 0;
  return variants.map((variant, index) => {
    const to = index === variants.length - 1 ? 100 : from + variant.weight;
    const range = { variantId: variant.id, from, to };
    from = to;
    return range;
  });
}

/** The variant a customer is assigned to at a split node. */
export function assignVariant(
  journeyId: string,
  nodeId: string,
  customerId: string,
  variants: ReadonlyArray<{ id: string; weight: number }>,
): string {
  const bucket = splitBucket(journeyId, nodeId, customerId);
  const ranges = variantRanges(variants);
  return (ranges.find((range) => bucket >= range.from && bucket < range.to) ?? ranges[ranges.length - 1])!.variantId;
}
