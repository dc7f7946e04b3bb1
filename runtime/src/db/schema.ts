import type {
  Channel,
  CompiledJourney,
  Condition,
  JourneyDocument,
  OrgUnitKind,
  PersistedJourneyState,
  Role,
  StaffRole,
  TaskAssignment,
  TaskChannel,
  TaskOutcome,
  TaskStatus,
  TemplateParameter,
  TemplateTranslations,
} from '@journey/shared';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { AuditAction } from '../audit/log';

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
/** `sending`: claimed by the dispatcher and possibly with the provider; a restart finding one sends it again. */
export type MessageStatus = 'pending' | 'deferred' | 'sending' | 'sent' | 'failed' | 'dead' | 'skipped';

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
 * The main counters per journey and minute (entered, converted, messages sent, per-node entered), written in the
 * transaction of the step they count and kept for `SERIES_RETENTION_MS` (see `metrics/store.ts`).
 */
export const metricSeries = sqliteTable(
  'metric_series',
  {
    journeyId: text('journey_id').notNull(),
    /** Start of the minute, epoch ms. */
    minute: integer('minute').notNull(),
    key: text('key').notNull(),
    value: integer('value').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.journeyId, table.minute, table.key] }),
    index('metric_series_minute_idx').on(table.minute),
  ],
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

// ── Access control and audit ────────────────────────────────────────────────────────────────────

/** API keys; the key itself is shown once when created and only its sha-256 is kept. */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    /** Who holds the key (a person or a system); maker-checker tells people apart by it. */
    name: text('name').notNull(),
    role: text('role').$type<Role>().notNull(),
    /** The first hex digits of `hash`: finds the row, so the full hash is only compared in constant time. */
    lookup: text('lookup').notNull(),
    /** sha-256 of the key, hex. */
    hash: text('hash').notNull(),
    createdAt: integer('created_at').notNull(),
    /** The name of the key that created it; null for the first admin key. */
    createdBy: text('created_by'),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (table) => [index('api_keys_lookup_idx').on(table.lookup)],
);

/** Runtime settings an admin can change (maker-checker) and secrets made at first start (the session key). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export type ApprovalStatus = 'pending' | 'approved' | 'rejected';

/** Maker-checker: a publish waiting for a second person, with the exact document submitted. */
export const approvalRequests = sqliteTable(
  'approval_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    journeyId: text('journey_id')
      .notNull()
      .references(() => journeys.id),
    document: text('document', { mode: 'json' }).$type<JourneyDocument>().notNull(),
    /** The publish's node mapping for in-flight customers. */
    nodeMap: text('node_map', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    status: text('status').$type<ApprovalStatus>().notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: integer('requested_at').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: integer('decided_at'),
    /** Why it was rejected. */
    reason: text('reason'),
    /** The version the approval published. */
    version: integer('version'),
  },
  (table) => [index('approval_requests_journey_idx').on(table.journeyId, table.status)],
);

/** Who did what and when; written in the transaction of the change it records. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').$type<Role>().notNull(),
    action: text('action').$type<AuditAction>().notNull(),
    journeyId: text('journey_id'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (table) => [index('audit_log_journey_idx').on(table.journeyId, table.id)],
);

// ── Operations: organisation, staff tasks, referrals, unit costs and revenue ───────────────────────

/** Head office → branches → sub-branches; a customer's `branch` attribute names one of them. */
export const orgUnits = sqliteTable('org_units', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').$type<OrgUnitKind>().notNull(),
  /** The unit one level up; null only for the head office. */
  parentId: text('parent_id'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Bank staff who work tasks and refer customers; a customer's `rm` attribute names their relationship manager. */
export const staff = sqliteTable(
  'staff',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role').$type<StaffRole>().notNull(),
    orgUnitId: text('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    active: integer('active', { mode: 'boolean' }).notNull(),
    /** The invitation code customers bring (`properties.referralCode` of an event). */
    referralCode: text('referral_code').notNull().unique(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [index('staff_org_unit_idx').on(table.orgUnitId, table.active)],
);

/** Work for a person, issued by a `branchTask` or `callCenter` message; the message log keeps the dispatch. */
export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The issuing message's idempotency key: a resent message never makes a second task. */
    messageKey: text('message_key').notNull().unique(),
    instanceId: integer('instance_id').notNull(),
    journeyId: text('journey_id').notNull(),
    version: integer('version').notNull(),
    nodeId: text('node_id').notNull(),
    customerId: text('customer_id').notNull(),
    channel: text('channel').$type<TaskChannel>().notNull(),
    /** The customer's org unit when the task was issued; an unassigned task waits in its queue (null: the global one). */
    branchId: text('branch_id'),
    /** A staff id; null while the task waits in a queue. */
    assignee: text('assignee'),
    assignedBy: text('assigned_by').$type<TaskAssignment>().notNull(),
    title: text('title'),
    script: text('script').notNull(),
    /** Selected customer attributes, copied when the task was issued. */
    customerSummary: text('customer_summary', { mode: 'json' }).$type<Attributes>().notNull(),
    status: text('status').$type<TaskStatus>().notNull(),
    dueAt: integer('due_at').notNull(),
    /** When `task_overdue` was emitted (once). */
    overdueAt: integer('overdue_at'),
    createdAt: integer('created_at').notNull(),
    completedAt: integer('completed_at'),
    outcome: text('outcome').$type<TaskOutcome>(),
    note: text('note'),
    product: text('product'),
    amount: real('amount'),
  },
  (table) => [
    index('tasks_assignee_idx').on(table.assignee, table.status),
    index('tasks_branch_idx').on(table.branchId, table.status),
    index('tasks_journey_idx').on(table.journeyId),
    index('tasks_due_idx').on(table.status, table.dueAt),
  ],
);

/** An event that carried a staff member's referral code: the customer's conversions soon after are theirs. */
export const referrals = sqliteTable(
  'referrals',
  {
    eventId: text('event_id').primaryKey(),
    customerId: text('customer_id').notNull(),
    staffId: text('staff_id').notNull(),
    /** The staff member's org unit at the time of the referral. */
    orgUnitId: text('org_unit_id').notNull(),
    at: integer('at').notNull(),
  },
  (table) => [index('referrals_customer_idx').on(table.customerId, table.at)],
);

export type CostItemKind = 'channel' | 'benefitPool';

/** What one sent message (per channel) or one granted benefit unit (per pool) costs. */
export const unitCosts = sqliteTable(
  'unit_costs',
  {
    kind: text('kind').$type<CostItemKind>().notNull(),
    /** A channel name or a benefit pool id. */
    item: text('item').notNull(),
    cost: real('cost').notNull(),
  },
  (table) => [primaryKey({ columns: [table.kind, table.item] })],
);

/** Revenue of a converted instance: the `amount` property of its goal event (0 without one). */
export const conversionRevenue = sqliteTable('conversion_revenue', {
  instanceId: integer('instance_id').primaryKey(),
  amount: real('amount').notNull(),
  convertedAt: integer('converted_at').notNull(),
});

// ── Content: the creatives library and the journey template gallery ─────────────────────────────

/** A reusable message: message nodes refer to it by id, and publishing copies its text into the version. */
export const creatives = sqliteTable('creatives', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  channel: text('channel').$type<Channel>().notNull(),
  title: text('title'),
  body: text('body').notNull(),
  description: text('description'),
  /** Counts the saves; the ETag for a conditional PUT. */
  revision: integer('revision').notNull(),
  /** The text as last approved (compliance review) and which revision it was; null until first approved. */
  approvedRevision: integer('approved_revision'),
  approvedTitle: text('approved_title'),
  approvedBody: text('approved_body'),
  approvedBy: text('approved_by'),
  approvedAt: integer('approved_at'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

/** A journey to start from: an example document and the parameters asked when a journey is made from it. */
export const journeyTemplates = sqliteTable('journey_templates', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  category: text('category'),
  parameters: text('parameters', { mode: 'json' }).$type<TemplateParameter[]>().notNull(),
  document: text('document', { mode: 'json' }).$type<JourneyDocument>().notNull(),
  /** The template's wording in other languages, by locale; its own fields are the author's language. */
  translations: text('translations', { mode: 'json' }).$type<TemplateTranslations>(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});
