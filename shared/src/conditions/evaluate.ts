import { compareOrdered, isScalar, looselyEqual, operandProblem } from './operands';
import type { ComparisonOp, Condition, ConditionValue } from './schema';

export interface EvaluationScope {
  /** Customer attributes; `attr` may be a dotted path into nested objects. */
  profile: Readonly<Record<string, unknown>>;
  tags: readonly string[];
  /** The event being handled, if any. */
  event?: { properties?: Readonly<Record<string, unknown>> };
}

/** A comparison that could not be made, e.g. `gt` on a boolean; `path` is like "all.1.any.0". */
export interface ConditionTypeError {
  path: string;
  message: string;
}

export interface ConditionResult {
  value: boolean;
  errors: ConditionTypeError[];
}

/**
 * Kleene three-valued logic: a comparison that cannot be made is `unknown`, which `not`
 * keeps unknown, so a broken rule never lets customers through by negation.
 */
type Truth = boolean | 'unknown';

type Comparator = (actual: unknown, expected: ConditionValue) => Truth;

const negate = (truth: Truth): Truth => (truth === 'unknown' ? truth : !truth);

function ordering(accept: (sign: number) => boolean): Comparator {
  return (actual, expected) => {
    const sign = compareOrdered(actual, expected);
    return sign === undefined ? 'unknown' : accept(sign);
  };
}

const equals: Comparator = (actual, expected) =>
  isScalar(actual) && isScalar(expected) ? looselyEqual(actual, expected) : 'unknown';

const isIn: Comparator = (actual, expected) =>
  isScalar(actual) && Array.isArray(expected) ? expected.some((item) => looselyEqual(actual, item)) : 'unknown';

/** The operand has already passed `operandProblem`, so its shape is right; only the attribute may not fit. */
const comparators: Record<Exclude<ComparisonOp, 'exists'>, Comparator> = {
  eq: equals,
  neq: (actual, expected) => negate(equals(actual, expected)),
  gt: ordering((sign) => sign > 0),
  gte: ordering((sign) => sign >= 0),
  lt: ordering((sign) => sign < 0),
  lte: ordering((sign) => sign <= 0),
  in: isIn,
  notIn: (actual, expected) => negate(isIn(actual, expected)),
  contains(actual, expected) {
    if (typeof actual === 'string' && typeof expected === 'string') return actual.includes(expected);
    if (Array.isArray(actual) && isScalar(expected)) {
      return actual.some((item) => isScalar(item) && looselyEqual(item, expected));
    }
    return 'unknown';
  },
  between(actual, expected) {
    const [low, high] = Array.isArray(expected) ? expected : [];
    const fromLow = compareOrdered(actual, low);
    const toHigh = compareOrdered(actual, high);
    return fromLow === undefined || toHigh === undefined ? 'unknown' : fromLow >= 0 && toHigh <= 0;
  },
};

const nullComparableOps: ReadonlySet<ComparisonOp> = new Set(['eq', 'neq', 'in', 'notIn']);

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null;

/**
 * Reads `path` from `record`: a key spelled exactly so wins (CSV columns such as "emp.var.rate"),
 * otherwise each dot steps into a nested object. Only own properties count, never the prototype's.
 */
export function readPath(record: Readonly<Record<string, unknown>>, path: string): unknown {
  if (Object.hasOwn(record, path)) return record[path];
  let current: unknown = record;
  for (const key of path.split('.')) {
    if (!isRecord(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
}

class Evaluation {
  readonly errors: ConditionTypeError[] = [];

  constructor(private readonly scope: EvaluationScope) {}

  truth(condition: Condition, path: string[]): Truth {
    if (!isRecord(condition)) return this.fail(path, 'not a condition');
    if ('all' in condition) return this.group(condition.all, [...path, 'all'], 'all');
    if ('any' in condition) return this.group(condition.any, [...path, 'any'], 'any');
    if ('not' in condition) return negate(this.truth(condition.not, [...path, 'not']));
    if ('hasTag' in condition) return this.scope.tags.includes(condition.hasTag);
    if ('attr' in condition) {
      return this.compare(
        condition.op,
        condition.value,
        readPath(this.scope.profile, condition.attr),
        condition.attr,
        path,
      );
    }
    if ('event' in condition) {
      if (!this.scope.event) return false;
      const actual = readPath(this.scope.event.properties ?? {}, condition.event);
      return this.compare(condition.op, condition.value, actual, `event.${condition.event}`, path);
    }
    return this.fail(path, 'not a condition');
  }

  /** Every operand is evaluated (no short-circuit) so the errors do not depend on operand order. */
  private group(operands: readonly Condition[], path: string[], kind: 'all' | 'any'): Truth {
    if (!Array.isArray(operands)) return this.fail(path, `${kind} needs a list of conditions`);
    const truths = operands.map((operand, index) => this.truth(operand, [...path, String(index)]));
    const decisive = kind === 'any';
    if (truths.includes(decisive)) return decisive;
    return truths.includes('unknown') ? 'unknown' : !decisive;
  }

  /** A missing attribute makes any comparison false (not an error); only `exists` looks at absence. */
  private compare(
    op: ComparisonOp,
    expected: ConditionValue | undefined,
    actual: unknown,
    name: string,
    path: string[],
  ): Truth {
    if (!Object.hasOwn(comparators, op) && op !== 'exists') return this.fail(path, `unknown operator "${op}"`);
    const problem = operandProblem(op, expected);
    if (problem) return this.fail(path, problem);
    const present = actual !== undefined && actual !== null;
    if (op === 'exists') return expected === false ? !present : present;
    // `expected` is always set past operandProblem; the test only tells the compiler so.
    if (actual === undefined || expected === undefined) return false;
    // null is a value for equality and membership, but there is nothing in it to order or search.
    if (actual === null && !nullComparableOps.has(op)) return false;
    const truth = comparators[op](actual, expected);
    if (truth === 'unknown') {
      this.fail(path, `${op} cannot compare "${name}" (${describeValue(actual)}) with ${JSON.stringify(expected)}`);
    }
    return truth;
  }

  private fail(path: string[], message: string): Truth {
    this.errors.push({ path: path.join('.'), message });
    return 'unknown';
  }
}

/**
 * Evaluates a condition against a customer's profile, tags and the current event. Pure and
 * never throws: a comparison that cannot be made (e.g. `gt` on a boolean) counts as false and
 * is reported in `errors`.
 */
export function evaluateCondition(condition: Condition, scope: EvaluationScope): ConditionResult {
  const evaluation = new Evaluation(scope);
  const value = evaluation.truth(condition, []) === true;
  return { value, errors: evaluation.errors };
}
