import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EvaluationScope, evaluateCondition } from './evaluate';
import { type ComparisonOp, type Condition, type ConditionValue, comparisonOps } from './schema';

const scope: EvaluationScope = {
  profile: {
    age: 42,
    balance: '1500.50',
    name: 'Li Wei',
    openedOn: '2024-03-15',
    payroll: true,
    spouse: null,
    products: ['card', 'wealth'],
    address: { city: 'Shanghai', geo: { district: 'Pudong' } },
    'emp.var.rate': 1.1,
  },
  tags: ['vip', 'payroll'],
  event: { properties: { amount: 120, merchant: 'coffee' } },
};

const attr = (name: string, op: ComparisonOp, value?: ConditionValue): Condition =>
  value === undefined ? { attr: name, op } : { attr: name, op, value };
const holds = (condition: Condition, on: EvaluationScope = scope) => evaluateCondition(condition, on).value;

describe('evaluateCondition: comparisons', () => {
  it.each<[string, Condition, boolean]>([
    ['eq number', attr('age', 'eq', 42), true],
    ['eq string', attr('name', 'eq', 'Li Wei'), true],
    ['eq boolean', attr('payroll', 'eq', false), false],
    ['neq', attr('name', 'neq', 'Wang'), true],
    ['gt number', attr('age', 'gt', 41), true],
    ['gt at the boundary', attr('age', 'gt', 42), false],
    ['gte at the boundary', attr('age', 'gte', 42), true],
    ['lt', attr('age', 'lt', 42), false],
    ['lte at the boundary', attr('age', 'lte', 42), true],
    ['gt on ISO dates', attr('openedOn', 'gt', '2024-01-01'), true],
    ['lt on ISO dates', attr('openedOn', 'lt', '2024-01-01'), false],
    ['in', attr('age', 'in', [18, 42]), true],
    ['in without a match', attr('age', 'in', [18, 30]), false],
    ['notIn', attr('name', 'notIn', ['Wang', 'Zhang']), true],
    ['contains in a string', attr('name', 'contains', 'Wei'), true],
    ['contains in a list', attr('products', 'contains', 'wealth'), true],
    ['contains missing from a list', attr('products', 'contains', 'loan'), false],
    ['between inclusive at low', attr('age', 'between', [42, 50]), true],
    ['between inclusive at high', attr('age', 'between', [30, 42]), true],
    ['between outside', attr('age', 'between', [43, 50]), false],
    ['between ISO dates', attr('openedOn', 'between', ['2024-01-01', '2024-12-31']), true],
  ])('%s', (_name, condition, expected) => {
    expect(evaluateCondition(condition, scope)).toEqual({ value: expected, errors: [] });
  });

  it('compares numeric strings from CSV imports as numbers', () => {
    expect(holds(attr('balance', 'gt', 999))).toBe(true);
    expect(holds(attr('balance', 'eq', 1500.5))).toBe(true);
    expect(holds(attr('balance', 'between', [1000, 2000]))).toBe(true);
    expect(holds(attr('age', 'in', ['42']))).toBe(true);
    // Two strings stay text: "1500.50" sorts before "999".
    expect(holds(attr('balance', 'gt', '999'))).toBe(false);
  });

  it('reads dotted paths into nested objects, and keys that contain dots', () => {
    expect(holds(attr('address.city', 'eq', 'Shanghai'))).toBe(true);
    expect(holds(attr('address.geo.district', 'eq', 'Pudong'))).toBe(true);
    expect(holds(attr('address.geo.street', 'exists'))).toBe(false);
    expect(holds(attr('emp.var.rate', 'gt', 1))).toBe(true);
    expect(holds(attr('name.length', 'exists'))).toBe(false);
  });

  it('never reads inherited properties', () => {
    expect(holds(attr('constructor', 'exists'))).toBe(false);
    expect(holds(attr('address.toString', 'exists'))).toBe(false);
  });

  it('treats exists as present and not null, and exists false as its opposite', () => {
    expect(holds(attr('age', 'exists'))).toBe(true);
    expect(holds(attr('age', 'exists', true))).toBe(true);
    expect(holds(attr('spouse', 'exists'))).toBe(false);
    expect(holds(attr('spouse', 'exists', false))).toBe(true);
    expect(holds(attr('missing', 'exists', false))).toBe(true);
  });

  it('makes every comparison on a missing attribute false, without an error', () => {
    for (const condition of [attr('missing', 'eq', 1), attr('missing', 'neq', 1), attr('missing', 'notIn', [1])]) {
      expect(evaluateCondition(condition, scope)).toEqual({ value: false, errors: [] });
    }
  });

  it('compares null only for equality and membership', () => {
    expect(holds(attr('spouse', 'eq', null))).toBe(true);
    expect(holds(attr('spouse', 'neq', 'x'))).toBe(true);
    expect(evaluateCondition(attr('spouse', 'gt', 1), scope)).toEqual({ value: false, errors: [] });
  });

  it('reads event properties, and is false without an event', () => {
    const bigSpend: Condition = { event: 'amount', op: 'gte', value: 99 };
    expect(holds(bigSpend)).toBe(true);
    expect(evaluateCondition(bigSpend, { profile: {}, tags: [] })).toEqual({ value: false, errors: [] });
    expect(holds(bigSpend, { profile: {}, tags: [], event: {} })).toBe(false);
  });

  it('checks tags', () => {
    expect(holds({ hasTag: 'vip' })).toBe(true);
    expect(holds({ hasTag: 'dormant' })).toBe(false);
  });
});

describe('evaluateCondition: groups', () => {
  const yes = attr('age', 'eq', 42);
  const no = attr('age', 'eq', 1);

  it('follows all, any and not, with empty all true and empty any false', () => {
    expect(holds({ all: [] })).toBe(true);
    expect(holds({ any: [] })).toBe(false);
    expect(holds({ all: [yes, no] })).toBe(false);
    expect(holds({ any: [no, yes] })).toBe(true);
    expect(holds({ not: no })).toBe(true);
  });

  it('nests groups', () => {
    const condition: Condition = { all: [{ hasTag: 'vip' }, { any: [no, { not: { all: [yes, no] } }] }] };
    expect(holds(condition)).toBe(true);
  });
});

describe('evaluateCondition: type errors', () => {
  it('reports a mismatch with its path and evaluates it to false', () => {
    const condition: Condition = { all: [{ hasTag: 'vip' }, { any: [attr('payroll', 'gt', 1)] }] };
    const result = evaluateCondition(condition, scope);
    expect(result.value).toBe(false);
    expect(result.errors).toEqual([{ path: 'all.1.any.0', message: expect.stringContaining('payroll') }]);
  });

  it.each<[string, Condition]>([
    ['gt with a boolean operand', attr('age', 'gt', true)],
    ['between without two values', attr('age', 'between', [1])],
    ['between with low above high', attr('age', 'between', [50, 1])],
    ['in without a list', attr('age', 'in', 42)],
    ['eq with a list', attr('age', 'eq', [42])],
    ['a missing value', attr('age', 'gt')],
    ['exists with a number', attr('age', 'exists', 1)],
    ['contains on a number', attr('age', 'contains', '4')],
    ['gt between a number and plain text', attr('name', 'gt', 5)],
    ['eq on a list attribute', attr('products', 'eq', 'card')],
    ['an unknown operator', { attr: 'age', op: 'bigger', value: 1 } as unknown as Condition],
    ['something that is not a condition', { nonsense: true } as unknown as Condition],
  ])('%s', (_name, condition) => {
    const result = evaluateCondition(condition, scope);
    expect(result.value).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.path).toBe('');
  });

  it('keeps a broken comparison false under not', () => {
    const result = evaluateCondition({ not: attr('payroll', 'gt', 1) }, scope);
    expect(result).toEqual({ value: false, errors: [{ path: 'not', message: expect.any(String) }] });
    expect(holds({ not: { not: attr('payroll', 'gt', 1) } })).toBe(false);
  });

  it('lets a true operand decide an any despite a broken one, and reports every broken operand', () => {
    const broken = attr('payroll', 'lt', 1);
    const result = evaluateCondition({ any: [broken, attr('age', 'eq', 42), broken] }, scope);
    expect(result.value).toBe(true);
    expect(result.errors.map((error) => error.path)).toEqual(['any.0', 'any.2']);
    expect(holds({ all: [broken, attr('age', 'eq', 1)] })).toBe(false);
  });

  it('never throws, whatever it is given', () => {
    const comparison = fc.record({
      attr: fc.constant('value'),
      op: fc.constantFrom(...comparisonOps),
      value: fc.anything(),
    });
    const condition = fc.oneof(fc.anything(), comparison, fc.record({ any: fc.array(comparison) }));
    fc.assert(
      fc.property(condition, fc.anything(), (generated, value) => {
        const on = { profile: { value }, tags: [], event: { properties: { value } } };
        const result = evaluateCondition(generated as Condition, on);
        expect(typeof result.value).toBe('boolean');
      }),
    );
  });
});
