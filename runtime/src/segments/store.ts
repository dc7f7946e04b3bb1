import { randomUUID } from 'node:crypto';
import type { Condition } from '@journey/shared';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { segments } from '../db/schema';

export type Segment = typeof segments.$inferSelect;

/** Named audience conditions; a segment's condition is fixed once created. */
export class SegmentStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  create(name: string, condition: Condition, now: number, id: string = randomUUID()): Segment {
    return this.#db.insert(segments).values({ id, name, condition, createdAt: now }).returning().get();
  }

  list(): Segment[] {
    return this.#db.select().from(segments).orderBy(asc(segments.createdAt), asc(segments.id)).all();
  }

  find(id: string): Segment | undefined {
    return this.#db.select().from(segments).where(eq(segments.id, id)).get();
  }
}
