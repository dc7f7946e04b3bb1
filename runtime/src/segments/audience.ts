import { type Condition, evaluateCondition } from '@journey/shared';
import type { Customer, CustomerStore } from '../customers/store';

/** Customers read per query while scanning; keeps memory flat however large the customer base. */
const SCAN_PAGE_SIZE = 500;

/** Customers the condition selects, in id order, starting after `afterId`. */
export function* customersMatching(
  store: CustomerStore,
  condition: Condition,
  afterId?: string,
): Generator<Customer, void, undefined> {
  let cursor = afterId;
  for (;;) {
    const page = store.page(cursor, SCAN_PAGE_SIZE);
    for (const customer of page) {
      if (evaluateCondition(condition, { profile: customer.attributes, tags: customer.tags }).value) yield customer;
    }
    if (page.length < SCAN_PAGE_SIZE) return;
    cursor = page[page.length - 1]!.id;
  }
}

export function countMatching(store: CustomerStore, condition: Condition): number {
  let count = 0;
  for (const _ of customersMatching(store, condition)) count += 1;
  return count;
}

/** One page of matching customers; `nextCursor` is null on the last page. */
export function pageMatching(
  store: CustomerStore,
  condition: Condition,
  limit: number,
  cursor?: string,
): { customers: Customer[]; nextCursor: string | null } {
  const customers: Customer[] = [];
  for (const customer of customersMatching(store, condition, cursor)) {
    if (customers.length === limit) return { customers, nextCursor: customers[limit - 1]!.id };
    customers.push(customer);
  }
  return { customers, nextCursor: null };
}
