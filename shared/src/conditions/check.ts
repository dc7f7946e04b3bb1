import { isScalar, numericText, operandProblem } from './operands';
import type { AttrComparison, ComparisonOp, Condition, EventComparison, Scalar } from './schema';

export type AttributeType = 'string' | 'number' | 'boolean' | 'date' | 'array' | 'object';

export interface ConditionCheckOptions {
  /** When given, unknown attributes are reported and ops are checked against each attribute's type. */
  attributes?: Readonly<Record<string, AttributeType>>;
  /** False where no event is in scope (e.g. segment conditions). */
  allowEventProperties: boolean;
}

export type ConditionIssueCode = 'invalid_condition' | 'unknown_attribute';

export interface ConditionIssue {
  code: ConditionIssueCode;
  /** Like "all.1.any.0"; empty for the root. */
  path: string;
  message: string;
}

const scalarOps: readonly ComparisonOp[] = ['eq', 'neq', 'in', 'notIn', 'exists'];
const orderedOps: readonly ComparisonOp[] = [...scalarOps, 'gt', 'gte', 'lt', 'lte', 'between'];

const opsByType: Record<AttributeType, readonly ComparisonOp[]> = {
  string: [...orderedOps, 'contains'],
  number: orderedOps,
  date: orderedOps,
  boolean: scalarOps,
  array: ['contains', 'exists'],
  object: ['exists'],
};

/** Which operand values can meet an attribute of each type; lists and objects hold anything. */
const acceptsValue: Record<AttributeType, (value: Scalar) => boolean> = {
  string: (value) => typeof value === 'string' || typeof value === 'number',
  number: (value) => typeof value === 'number' || (typeof value === 'string' && numericText(value) !== undefined),
  date: (value) => typeof value === 'string',
  boolean: (value) => typeof value === 'boolean',
  array: () => true,
  object: () => true,
};

/**
 * The declared type of `attr`: its own entry, or 'nested' when it is a dotted path into a
 * declared object (whose members are not typed), or 'unknown'.
 */
function attributeType(
  attributes: Readonly<Record<string, AttributeType>>,
  attr: string,
): AttributeType | 'nested' | 'unknown' {
  const own = Object.hasOwn(attributes, attr) ? attributes[attr] : undefined;
  if (own) return own;
  const segments = attr.split('.');
  for (let length = segments.length - 1; length > 0; length--) {
    const prefix = segments.slice(0, length).join('.');
    if (Object.hasOwn(attributes, prefix) && attributes[prefix] === 'object') return 'nested';
  }
  return 'unknown';
}

/** Whether a profile attribute (possibly a dotted path) is among the declared `attributes`. */
export function isKnownAttribute(attributes: Readonly<Record<string, AttributeType>>, attr: string): boolean {
  return attributeType(attributes, attr) !== 'unknown';
}

function operandValues(value: unknown): Scalar[] {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.filter((item): item is Scalar => isScalar(item) && item !== null);
}

/** Problems of a comparison on an attribute whose type is declared. */
function typeProblems(attr: string, type: AttributeType, op: ComparisonOp, value: unknown): string[] {
  if (!opsByType[type].includes(op)) return [`${op} cannot be used on "${attr}" (type ${type})`];
  if (op === 'exists') return [];
  return operandValues(value)
    .filter((item) => !acceptsValue[type](item))
    .map((item) => `"${attr}" has type ${type}, so it cannot be compared with ${JSON.stringify(item)}`);
}

type Comparison = AttrComparison | EventComparison;

function comparisonIssues(comparison: Comparison, path: string, options: ConditionCheckOptions): ConditionIssue[] {
  const issue = (code: ConditionIssueCode, message: string): ConditionIssue => ({ code, path, message });
  const problem = operandProblem(comparison.op, comparison.value);
  const issues = problem ? [issue('invalid_condition', problem)] : [];
  if ('event' in comparison) {
    if (options.allowEventProperties) return issues;
    return [
      ...issues,
      issue('invalid_condition', `no event is in scope here, so event.${comparison.event} cannot be compared`),
    ];
  }
  if (!options.attributes) return issues;
  const type = attributeType(options.attributes, comparison.attr);
  if (type === 'unknown') return [...issues, issue('unknown_attribute', `unknown attribute "${comparison.attr}"`)];
  // A malformed operand is reported once, above; its type cannot be judged.
  if (type === 'nested' || problem) return issues;
  const mismatches = typeProblems(comparison.attr, type, comparison.op, comparison.value);
  return [...issues, ...mismatches.map((message) => issue('invalid_condition', message))];
}

function issuesAt(condition: Condition, path: readonly string[], options: ConditionCheckOptions): ConditionIssue[] {
  if ('all' in condition) {
    return condition.all.flatMap((operand, index) => issuesAt(operand, [...path, 'all', String(index)], options));
  }
  if ('any' in condition) {
    return condition.any.flatMap((operand, index) => issuesAt(operand, [...path, 'any', String(index)], options));
  }
  if ('not' in condition) return issuesAt(condition.not, [...path, 'not'], options);
  if ('hasTag' in condition) return [];
  return comparisonIssues(condition, path.join('.'), options);
}

/**
 * Static checks of a condition, without a customer: operand shapes, attributes and their
 * types (when declared), and event properties where no event is in scope. Reports every issue.
 */
export function checkCondition(condition: Condition, options: ConditionCheckOptions): ConditionIssue[] {
  return issuesAt(condition, [], options);
}
