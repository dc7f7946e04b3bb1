import type { CompiledJourney, Condition, JourneyDocument, PersistedJourneyState } from '@journey/shared';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The whole database schema (one source of truth; `pnpm db:generate` turns changes into a migration).
 * Times are epoch milliseconds; JSON columns hold text that drizzle parses on read.
 */

export type Attributes = Record<string, unknown>;

// ── Audience: customer profiles, segments and their behavioural events ──────────────────────────

export const customers = sqliteTable('customers', {
  id: text('id').primaryKey(),
  attributes: text('attributes', { mode: 'json' }).$type<Attributes>().notNull(),
  tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const segments = sqliteTable('segments', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  condition: text('condition', { mode: 'json' }).$type<Condition>().notNull(),
  createdAt: integer('created_at').notNull(),
});

export const events = sqliteTable(
  'events',
  {
    eventId: text('event_id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    type: text('type').notNull(),
    timestamp: integer('timestamp').notNull(),
    properties: text('properties', { mode: 'json' }).$type<Attributes>().notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (table) => [index('events_customer_timestamp_idx').on(table.customerId, table.timestamp)],
);

// ── Execution: journeys, versions, instances, timers, outbox, metrics (added with the executor) ──

export type JourneyStatus = 'draft' | 'live' | 'paused' | 'archived';
export type InstanceStatus = 'active' | 'completed' | 'goal' | 'exited';
export type MessageStatus = 'pending' | 'deferred' | 'sent' | 'failed' | 'dead' | 'skipped';

export const journeys = sqliteTable('journeys', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  status: text('status').$type<JourneyStatus>().notNull(),
  /** The draft being edited; publishing copies it into an immutable version. */
  draft: text('draft', { mode: 'json' }).$type<JourneyDocument>().notNull(),
  liveVersion: integer('live_version'),
  /** For schedule-triggered journeys: when the audience next enters (null: no run pending). */
  nextEntryAt: integer('next_entry_at'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const journeyVersions = sqliteTable(
  'journey_versions',
  {
    journeyId: text('journey_id')
      .notNull()
      .references(() => journeys.id),
    version: integer('version').notNull(),
    document: text('document', { mode: 'json' }).$type<JourneyDocument>().notNull(),
    compiled: text('compiled', { mode: 'json' }).$type<CompiledJourney>().notNull(),
    publishedAt: integer('published_at').notNull(),
    publishedBy: text('published_by'),
  },
  (table) => [primaryKey({ columns: [table.journeyId, table.version] })],
);

/** One customer's run through one journey version; `state` is the persisted XState snapshot. */
export const instances = sqliteTable(
  'instances',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    journeyId: text('journey_id').notNull(),
    version: integer('version').notNull(),
    customerId: text('customer_id').notNull(),
    status: text('status').$type<InstanceStatus>().notNull(),
    node: text('node').notNull(),
    state: text('state', { mode: 'json' }).$type<PersistedJourneyState>().notNull(),
    /** Split node id → variant id, for experiment statistics. */
    variants: text('variants', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    /** Steps taken so far; makes outbox idempotency keys (`instance:node:step`) unique and replay-stable. */
    steps: integer('steps').notNull(),
    enteredAt: integer('entered_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    endedAt: integer('ended_at'),
    convertedAt: integer('converted_at'),
  },
  (table) => [
    index('instances_customer_idx').on(table.customerId, table.status),
    index('instances_journey_idx').on(table.journeyId, table.version, table.status),
  ],
);

/** The "why" trace of an instance: each step with what caused it and what it did. */
export const instanceSteps = sqliteTable(
  'instance_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    instanceId: integer('instance_id').notNull(),
    at: integer('at').notNull(),
    cause: text('cause').notNull(),
    eventId: text('event_id'),
    fromNode: text('from_node'),
    toNode: text('to_node').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (table) => [index('instance_steps_instance_idx').on(table.instanceId)],
);

export const timers = sqliteTable(
  'timers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    instanceId: integer('instance_id').notNull(),
    timerKey: text('timer_key').notNull(),
    eventType: text('event_type').notNull(),
    dueAt: integer('due_at').notNull(),
  },
  (table) => [
    uniqueIndex('timers_instance_key_idx').on(table.instanceId, table.timerKey),
    index('timers_due_idx').on(table.dueAt),
  ],
);

/** Messages to dispatch (the transactional outbox) and, once dispatched, the message log. */
export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    instanceId: integer('instance_id').notNull(),
    journeyId: text('journey_id').notNull(),
    version: integer('version').notNull(),
    customerId: text('customer_id').notNull(),
    nodeId: text('node_id').notNull(),
    channel: text('channel').notNull(),
    title: text('title'),
    body: text('body').notNull(),
    awaitResult: integer('await_result', { mode: 'boolean' }).notNull(),
    status: text('status').$type<MessageStatus>().notNull(),
    attempts: integer('attempts').notNull(),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (table) => [
    index('messages_due_idx').on(table.status, table.nextAttemptAt),
    index('messages_customer_idx').on(table.customerId, table.channel, table.sentAt),
    index('messages_journey_idx').on(table.journeyId),
  ],
);

export const benefitPools = sqliteTable('benefit_pools', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Units the pool may grant in total. */
  budget: integer('budget').notNull(),
  granted: integer('granted').notNull(),
  /** At most this many units per customer per period (`null`: no limit). */
  perCustomerLimit: integer('per_customer_limit'),
  perCustomerPeriod: text('per_customer_period').$type<'day' | 'week' | 'month' | 'ever'>(),
  createdAt: integer('created_at').notNull(),
});

export const benefitGrants = sqliteTable(
  'benefit_grants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    poolId: text('pool_id').notNull(),
    customerId: text('customer_id').notNull(),
    instanceId: integer('instance_id').notNull(),
    nodeId: text('node_id').notNull(),
    quantity: integer('quantity').notNull(),
    grantedAt: integer('granted_at').notNull(),
  },
  (table) => [index('benefit_grants_customer_idx').on(table.poolId, table.customerId, table.grantedAt)],
);

/** Live counters per journey version, updated in the transaction that changes the instances they count. */
export const metricCounters = sqliteTable(
  'metric_counters',
  {
    journeyId: text('journey_id').notNull(),
    version: integer('version').notNull(),
    /** e.g. `node:welcome:entered`, `edge:e3`, `handle:split:A`, `goal:converted`, `channel:sms:sent`. */
    key: text('key').notNull(),
    value: integer('value').notNull(),
  },
  (table) => [primaryKey({ columns: [table.journeyId, table.version, table.key] })],
);

/**
 * Bulk entries in progress (a segment journey going live, a scheduled run): customers are scanned in id order
 * in chunks, and the cursor moves in the same transaction as the entries, so a restart resumes where it stopped.
 */
export const audienceJobs = sqliteTable('audience_jobs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  journeyId: text('journey_id').notNull(),
  version: integer('version').notNull(),
  /** Who enters; null: every customer. */
  condition: text('condition', { mode: 'json' }).$type<Condition>(),
  /** The last customer id scanned. */
  cursor: text('cursor'),
  createdAt: integer('created_at').notNull(),
});
