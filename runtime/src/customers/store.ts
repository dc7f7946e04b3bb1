import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { customers } from '../db/schema';
import type { CustomerPatch } from './schema';

export type Customer = typeof customers.$inferSelect;

/** Keeps the first occurrence of each tag, in the order given. */
function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags)];
}

/**
 * Customer profiles. Every method is synchronous (better-sqlite3), so callers can compose several inside one
 * transaction. Attributes are merged with SQLite's `json_patch` (RFC 7396: a null value deletes the attribute);
 * a tag list, when given, replaces the stored one.
 */
export class CustomerStore {
  readonly #db: Database;
  readonly #changeListeners: Array<(id: string, now: number) => void> = [];
  readonly #insertIfAbsent;
  readonly #mergeIntoExisting;
  readonly #findById;

  constructor(db: Database) {
    this.#db = db;
    // JSON parameters travel as text through SQLite's JSON functions, so both statements take the same inputs.
    this.#insertIfAbsent = db
      .insert(customers)
      .values({
        id: sql.placeholder('id'),
        // Patching an empty object drops null members, so a new profile never stores "deleted" attributes.
        attributes: sql`json_patch('{}', ${sql.placeholder('attributes')})`,
        tags: sql`json(${sql.placeholder('tags')})`,
        createdAt: sql.placeholder('now'),
        updatedAt: sql.placeholder('now'),
      })
      .onConflictDoNothing()
      .prepare();
    this.#mergeIntoExisting = db
      .update(customers)
      .set({
        attributes: sql`json_patch(${customers.attributes}, ${sql.placeholder('attributes')})`,
        tags: sql`coalesce(json(${sql.placeholder('tags')}), ${customers.tags})`,
        updatedAt: sql`${sql.placeholder('now')}`,
      })
      .where(eq(customers.id, sql.placeholder('id')))
      .prepare();
    this.#findById = db
      .select()
      .from(customers)
      .where(eq(customers.id, sql.placeholder('id')))
      .prepare();
  }

  /**
   * Called synchronously, inside the writing transaction, after a profile or its tags changed
   * (segment journeys use it to enter customers who start matching).
   */
  onChange(listener: (id: string, now: number) => void): void {
    this.#changeListeners.push(listener);
  }

  #changed(id: string, now: number): void {
    for (const listener of this.#changeListeners) listener(id, now);
  }

  /** Creates the customer or merges the patch into it; returns true when the customer is new. */
  upsert(id: string, patch: CustomerPatch, now: number): boolean {
    const attributes = JSON.stringify(patch.attributes ?? {});
    const tags = patch.tags ? JSON.stringify(uniqueTags(patch.tags)) : null;
    const created = this.#insertIfAbsent.run({ id, attributes, tags: tags ?? '[]', now }).changes === 1;
    if (!created) this.#mergeIntoExisting.run({ id, attributes, tags, now });
    this.#changed(id, now);
    return created;
  }

  /** Creates an empty profile unless the customer exists (events may arrive before the profile). */
  ensureExists(id: string, now: number): void {
    this.#insertIfAbsent.run({ id, attributes: '{}', tags: '[]', now });
  }

  find(id: string): Customer | undefined {
    return this.#findById.get({ id });
  }

  addTags(id: string, tags: readonly string[], now: number): Customer | undefined {
    return this.#changeTags(id, (current) => uniqueTags([...current, ...tags]), now);
  }

  removeTag(id: string, tag: string, now: number): Customer | undefined {
    return this.#changeTags(id, (current) => current.filter((existing) => existing !== tag), now);
  }

  /** Customers in id order, starting after `afterId`: the building block of keyset paging. */
  page(afterId: string | undefined, limit: number): Customer[] {
    return this.#db
      .select()
      .from(customers)
      .where(afterId === undefined ? undefined : gt(customers.id, afterId))
      .orderBy(asc(customers.id))
      .limit(limit)
      .all();
  }

  #changeTags(id: string, change: (current: string[]) => string[], now: number): Customer | undefined {
    return this.#db.transaction(() => {
      const customer = this.find(id);
      if (!customer) return undefined;
      const tags = change(customer.tags);
      this.#db.update(customers).set({ tags, updatedAt: now }).where(eq(customers.id, id)).run();
      this.#changed(id, now);
      return { ...customer, tags, updatedAt: now };
    });
  }
}
