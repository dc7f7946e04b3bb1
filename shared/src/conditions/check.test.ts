import { describe, expect, it } from 'vitest';
import { type AttributeType, type ConditionCheckOptions, checkCondition, isKnownAttribute } from './check';
import type { Condition } from './schema';

const attributes: Record<string, AttributeType> = {
  age: 'number',
  name: 'string',
  payroll: 'boolean',
  openedOn: 'date',
  products: 'array',
  address: 'object',
};
const typed: ConditionCheckOptions = { attributes, allowEventProperties: true };
const untyped: ConditionCheckOptions = { allowEventProperties: true };

describe('checkCondition', () => {
  it('accepts well-formed conditions', () => {
    const condition: Condition = {
      all: [
        { attr: 'age', op: 'between', value: [18, 65] },
        { attr: 'age', op: 'gte', value: '18' },
        { attr: 'name', op: 'contains', value: 'Li' },
        { attr: 'payroll', op: 'eq', value: true },
        { attr: 'openedOn', op: 'lt', value: '2025-01-01' },
        { attr: 'products', op: 'contains', value: 'card' },
        { attr: 'address.city', op: 'eq', value: 'Shanghai' },
        { attr: 'age', op: 'exists' },
        { not: { hasTag: 'dormant' } },
        { event: 'amount', op: 'gte', value: 99 },
      ],
    };
    expect(checkCondition(condition, typed)).toEqual([]);
  });

  it.each<[string, Condition, string]>([
    ['between with low above high', { attr: 'age', op: 'between', value: [65, 18] }, 'between'],
    ['between with one value', { attr: 'age', op: 'between', value: [18] }, 'between'],
    ['between with mixed kinds', { attr: 'age', op: 'between', value: [18, 'old'] }, 'between'],
    ['in without a list', { attr: 'age', op: 'in', value: 18 }, 'list'],
    ['notIn without a list', { attr: 'age', op: 'notIn', value: 'a' }, 'list'],
    ['gt with a boolean', { attr: 'age', op: 'gt', value: true }, 'number'],
    ['lte with a list', { attr: 'age', op: 'lte', value: [1] }, 'number'],
    ['lt with null', { attr: 'age', op: 'lt', value: null }, 'number'],
    ['a missing value', { attr: 'age', op: 'eq' }, 'needs a value'],
    ['exists with a text', { attr: 'age', op: 'exists', value: 'yes' }, 'true or false'],
  ])('reports %s', (_name, condition, wording) => {
    expect(checkCondition(condition, untyped)).toEqual([
      { code: 'invalid_condition', path: '', message: expect.stringContaining(wording) },
    ]);
  });

  it('reports issues at their path, every one of them', () => {
    const condition: Condition = {
      any: [{ hasTag: 'vip' }, { not: { all: [{ attr: 'age', op: 'in', value: 1 }] } }, { attr: 'x', op: 'gt' }],
    };
    expect(checkCondition(condition, untyped).map((issue) => issue.path)).toEqual(['any.1.not.all.0', 'any.2']);
  });

  it('reports unknown attributes only when the attributes are declared', () => {
    const condition: Condition = { attr: 'agee', op: 'gt', value: 18 };
    expect(checkCondition(condition, typed)).toEqual([
      { code: 'unknown_attribute', path: '', message: 'unknown attribute "agee"' },
    ]);
    expect(checkCondition(condition, untyped)).toEqual([]);
  });

  it.each<[string, Condition]>([
    ['ordering a boolean', { attr: 'payroll', op: 'gt', value: 1 }],
    ['contains on a number', { attr: 'age', op: 'contains', value: 4 }],
    ['eq on a list', { attr: 'products', op: 'eq', value: 'card' }],
    ['ordering an object', { attr: 'address', op: 'lt', value: 'a' }],
    ['a number compared with text', { attr: 'age', op: 'eq', value: 'forty' }],
    ['a boolean compared with a number', { attr: 'payroll', op: 'in', value: [1] }],
    ['a date compared with a number', { attr: 'openedOn', op: 'gt', value: 20240101 }],
  ])('reports an op or value that does not fit the attribute type: %s', (_name, condition) => {
    expect(checkCondition(condition, typed)).toEqual([
      {
        code: 'invalid_condition',
        path: '',
        message: expect.stringContaining(`"${(condition as { attr: string }).attr}"`),
      },
    ]);
  });

  it('reports event properties where no event is in scope', () => {
    const condition: Condition = { all: [{ event: 'amount', op: 'gt', value: 1 }] };
    expect(checkCondition(condition, { allowEventProperties: false })).toEqual([
      { code: 'invalid_condition', path: 'all.0', message: expect.stringContaining('event.amount') },
    ]);
    expect(checkCondition(condition, { allowEventProperties: true })).toEqual([]);
  });
});

describe('isKnownAttribute', () => {
  it('knows declared attributes and paths into declared objects only', () => {
    expect(isKnownAttribute(attributes, 'age')).toBe(true);
    expect(isKnownAttribute(attributes, 'address.geo.city')).toBe(true);
    expect(isKnownAttribute(attributes, 'age.years')).toBe(false);
    expect(isKnownAttribute(attributes, 'toString')).toBe(false);
  });
});
