import type { Scalar } from '@journey/shared';
import type { CustomerRecord } from '../api/customers';
import type { Entry } from '../inspector/KeyValueRows';
import type { TestCustomer } from './simulation';
import type { TestCustomerForm } from './simulationStore';

const isScalar = (value: unknown): value is Scalar =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** Rows as typed, blank names left out. */
export const recordOf = (entries: readonly Entry[]): Record<string, Scalar> =>
  Object.fromEntries(entries.filter(([key]) => key.trim() !== ''));

export const testCustomerOf = (form: TestCustomerForm): TestCustomer => ({
  id: form.id.trim() || 'test-customer',
  attributes: recordOf(form.attributes),
  tags: form.tags,
});

/** A stored customer as editable rows; nested values (rare in profiles) become their JSON text. */
export const formOf = (customer: CustomerRecord): TestCustomerForm => ({
  id: customer.id,
  attributes: Object.entries(customer.attributes).map(
    ([key, value]): Entry => [key, isScalar(value) ? value : JSON.stringify(value)],
  ),
  tags: customer.tags,
});
