import type { ComparisonOp, Scalar } from './schema';

/**
 * Value rules shared by the evaluator and the static checker, so that what the checker
 * rejects is exactly what the evaluator would report at run time.
 */

export const orderingOps: ReadonlySet<ComparisonOp> = new Set(['gt', 'gte', 'lt', 'lte']);

export function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

const NUMERIC_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A decimal number written as text, as CSV imports store numbers; hex, "" and "Infinity" are not numbers. */
export function numericText(value: string): number | undefined {
  return NUMERIC_TEXT.test(value) ? Number(value) : undefined;
}

/** Reads a numeric string as a number when the other side is a number, so "42" (from a CSV) meets 42. */
function alignNumbers(left: unknown, right: unknown): [unknown, unknown] {
  if (typeof left === 'number' && typeof right === 'string') return [left, numericText(right) ?? right];
  if (typeof left === 'string' && typeof right === 'number') return [numericText(left) ?? left, right];
  return [left, right];
}

/** Equality of two scalars; a numeric string equals the number it spells. */
export function looselyEqual(left: Scalar, right: Scalar): boolean {
  const [a, b] = alignNumbers(left, right);
  return a === b;
}

/**
 * Sign of `left - right`, or undefined when the two cannot be ordered. Numbers compare
 * numerically (a numeric string meeting a number counts as that number); two strings compare
 * by code unit, which orders ISO-8601 dates correctly.
 */
export function compareOrdered(left: unknown, right: unknown): number | undefined {
  const [a, b] = alignNumbers(left, right);
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

const isOrderable = (value: unknown): value is number | string =>
  (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string';

/** Why `value` cannot be the right-hand side of `op`, or undefined when it can. */
export function operandProblem(op: ComparisonOp, value: unknown): string | undefined {
  if (op === 'exists') {
    return value === undefined || typeof value === 'boolean' ? undefined : 'exists takes true or false';
  }
  if (value === undefined) return `${op} needs a value`;
  switch (op) {
    case 'eq':
    case 'neq':
      return isScalar(value) ? undefined : `${op} compares one value; use in or notIn for a list`;
    case 'in':
    case 'notIn':
      return Array.isArray(value) && value.every(isScalar) ? undefined : `${op} needs a list of values`;
    case 'contains':
      return isScalar(value) && value !== null ? undefined : 'contains looks for one text, number or true/false';
    case 'between': {
      const [low, high] = Array.isArray(value) ? value : [];
      const ordered = Array.isArray(value) && value.length === 2 && isOrderable(low) && isOrderable(high);
      const sign = ordered ? compareOrdered(low, high) : undefined;
      return sign !== undefined && sign <= 0 ? undefined : 'between needs [low, high] with low ≤ high';
    }
    default:
      return isOrderable(value) ? undefined : `${op} needs a number, or a text such as a date`;
  }
}
