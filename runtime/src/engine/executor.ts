import {
  applyProfileUpdate,
  type Condition,
  type CustomerProfile,
  currentNodeOf,
  EFFECT_EVENT,
  type EventScope,
  evaluateCondition,
  FINAL_STATES,
  type JourneyAction,
  type JourneyEvent,
  MOVE_EVENT,
  type PersistedJourneyState,
  persistSnapshot,
  renderTemplate,
  restoreSnapshot,
  type StepResult,
  startJourney,
  stepJourney,
} from '@journey/shared';
import type { Clock } from '../clock';
import type { SqliteHandle } from '../db/client';
import type { InstanceStatus } from '../db/schema';
import type { MetricStore } from '../metrics/store';
import { BenefitLedger } from './benefits';
import { MetricBatch } from './metrics';
import type { LoadedVersion, VersionCache } from './versions';

/** A behavioural event as the executor sees it. */
export interface IncomingEvent {
  eventId?: string;
  customerId: string;
  type: string;
  timestamp: number;
  properties: Record<string, unknown>;
}

/** An instance reaching its goal, with the properties of the event that got it there. */
export interface Conversion {
  instanceId: number;
  at: number;
  properties: Readonly<Record<string, unknown>>;
}

interface CustomerRow {
  attributes: string;
  tags: string;
}

interface InstanceRow {
  id: number;
  journey_id: string;
  version: number;
  customer_id: string;
  node: string;
  state: string;
  variants: string;
  steps: number;
  entered_at: number;
}

type Profile = CustomerProfile;

const finalStatus: Record<string, InstanceStatus> = {
  [FINAL_STATES.completed]: 'completed',
  [FINAL_STATES.goal]: 'goal',
  [FINAL_STATES.exited]: 'exited',
};

/** Effect actions the executor performs at once and reports back to the machine in the same transaction. */
const immediateEffects = new Set<JourneyAction['type']>(['grantBenefit', 'updateProfile']);

/**
 * Moves journey instances forward. Every method runs synchronously inside the caller's
 * SQLite transaction, so snapshots, timers, messages, grants and metric counters commit
 * together with the event or timer that caused them, or not at all.
 */
export class JourneyExecutor {
  readonly #versions: VersionCache;
  readonly #benefits: BenefitLedger;
  readonly #conversionListeners: Array<(conversion: Conversion) => void> = [];
  readonly #statements;

  constructor(
    sqlite: SqliteHandle,
    versions: VersionCache,
    private readonly clock: Clock,
    private readonly metricStore: MetricStore,
  ) {
    this.#versions = versions;
    this.#benefits = new BenefitLedger(sqlite);
    this.#statements = {
      customer: sqlite.prepare<[string], CustomerRow>('SELECT attributes, tags FROM customers WHERE id = ?'),
      updateCustomer: sqlite.prepare<[string, string, number, string]>(
        'UPDATE customers SET attributes = ?, tags = ?, updated_at = ? WHERE id = ?',
      ),
      activeInstances: sqlite.prepare<[string], InstanceRow>(
        `SELECT i.* FROM instances i JOIN journeys j ON j.id = i.journey_id
         WHERE i.customer_id = ? AND i.status = 'active' AND j.status = 'live'`,
      ),
      instance: sqlite.prepare<[number], InstanceRow>("SELECT * FROM instances WHERE id = ? AND status = 'active'"),
      priorInstance: sqlite.prepare<[string, string], { active: number }>(
        // `+journey_id` keeps SQLite on the customer index: the journey index would scan every instance of the journey.
        "SELECT MAX(status = 'active') AS active FROM instances WHERE +journey_id = ? AND customer_id = ?",
      ),
      insertInstance: sqlite.prepare(
        `INSERT INTO instances (journey_id, version, customer_id, status, node, state, variants, steps, entered_at, updated_at)
         VALUES (@journeyId, @version, @customerId, 'active', '', '{}', '{}', 0, @at, @at)`,
      ),
      saveInstance: sqlite.prepare(
        `UPDATE instances SET status = @status, node = @node, state = @state, variants = @variants, steps = @steps,
         updated_at = @at, ended_at = @endedAt, converted_at = COALESCE(converted_at, @convertedAt) WHERE id = @id`,
      ),
      insertStep: sqlite.prepare(
        `INSERT INTO instance_steps (instance_id, at, cause, event_id, from_node, to_node, detail)
         VALUES (@instanceId, @at, @cause, @eventId, @fromNode, @toNode, @detail)`,
      ),
      insertTimer: sqlite.prepare(
        `INSERT INTO timers (instance_id, timer_key, event_type, due_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (instance_id, timer_key) DO UPDATE SET event_type = excluded.event_type, due_at = excluded.due_at`,
      ),
      cancelTimer: sqlite.prepare<[number, string]>('DELETE FROM timers WHERE instance_id = ? AND timer_key = ?'),
      cancelAllTimers: sqlite.prepare<[number]>('DELETE FROM timers WHERE instance_id = ?'),
      insertMessage: sqlite.prepare(
        `INSERT OR IGNORE INTO messages (idempotency_key, instance_id, journey_id, version, customer_id, node_id, channel,
         title, body, await_result, status, attempts, next_attempt_at, created_at)
         VALUES (@key, @instanceId, @journeyId, @version, @customerId, @nodeId, @channel, @title, @body, @awaitResult,
         'pending', 0, @at, @at)`,
      ),
      dueTimers: sqlite.prepare<
        [number, number],
        { id: number; instance_id: number; event_type: string; due_at: number }
      >(
        `SELECT t.id, t.instance_id, t.event_type, t.due_at FROM timers t
         JOIN instances i ON i.id = t.instance_id JOIN journeys j ON j.id = i.journey_id
         WHERE t.due_at <= ? AND j.status = 'live' ORDER BY t.due_at, t.id LIMIT ?`,
      ),
      deleteTimer: sqlite.prepare<[number]>('DELETE FROM timers WHERE id = ?'),
      olderActiveInstances: sqlite.prepare<[string, number], InstanceRow>(
        "SELECT * FROM instances WHERE journey_id = ? AND version < ? AND status = 'active' ORDER BY id",
      ),
      setVersion: sqlite.prepare<[number, number]>('UPDATE instances SET version = ? WHERE id = ?'),
    };
  }

  /** Applies new behavioural events: enters customers into matching live journeys and moves their instances. */
  handleEvents(events: readonly IncomingEvent[]): void {
    const metrics = new MetricBatch();
    for (const event of events) {
      // Read the profile only for an event some instance or trigger reacts to.
      let profile: Profile | undefined;
      const profileOf = () => {
        profile ??= this.#profile(event.customerId);
        return profile;
      };
      for (const row of this.#statements.activeInstances.all(event.customerId)) {
        const version = this.#versions.get(row.journey_id, row.version);
        if (!version.listens(row.node, event.type)) continue;
        const scope = this.#scope(profileOf(), event.timestamp, event.properties);
        this.#advance(
          row,
          version,
          { type: event.type, ...scope },
          { cause: event.type, eventId: event.eventId },
          metrics,
        );
      }
      this.#enter(event, profileOf, metrics);
    }
    this.flushMetrics(metrics);
  }

  /** Fires timers due by `now` (at most `limit`), as events through the same path; returns how many fired. */
  fireDueTimers(now: number, limit = 500): number {
    const due = this.#statements.dueTimers.all(now, limit);
    const metrics = new MetricBatch();
    for (const timer of due) {
      this.#statements.deleteTimer.run(timer.id);
      const row = this.#statements.instance.get(timer.instance_id);
      if (!row) continue;
      const version = this.#versions.get(row.journey_id, row.version);
      const scope = this.#scope(this.#profile(row.customer_id), timer.due_at);
      this.#advance(row, version, { type: timer.event_type, ...scope }, { cause: 'timer' }, metrics);
    }
    this.flushMetrics(metrics);
    return due.length;
  }

  /** Reports the result of a dispatched message whose node waits for it (`sent` or `failed`). */
  reportMessageResult(instanceId: number, nodeId: string, outcome: 'sent' | 'failed'): void {
    const row = this.#statements.instance.get(instanceId);
    if (!row) return;
    const metrics = new MetricBatch();
    const version = this.#versions.get(row.journey_id, row.version);
    const scope = this.#scope(this.#profile(row.customer_id), this.clock.now());
    this.#advance(
      row,
      version,
      { type: EFFECT_EVENT, nodeId, outcome, ...scope },
      { cause: `message.${outcome}` },
      metrics,
    );
    this.flushMetrics(metrics);
  }

  /**
   * Moves in-flight customers of older versions to `target`, at the node `nodeMap` names for the node
   * they are in (customers at unmapped nodes stay on their version). The node is entered afresh.
   */
  migrateInstances(target: LoadedVersion, nodeMap: Readonly<Record<string, string>>, at: number): number {
    const metrics = new MetricBatch();
    let moved = 0;
    for (const row of this.#statements.olderActiveInstances.all(target.journeyId, target.version)) {
      const nodeId = nodeMap[row.node];
      if (!nodeId) continue;
      const stored = JSON.parse(row.state) as PersistedJourneyState;
      metrics.leftVersion(this.#versions.get(row.journey_id, row.version), row.node, at);
      this.#statements.cancelAllTimers.run(row.id);
      this.#statements.setVersion.run(target.version, row.id);
      const placed = restoreSnapshot(target.machine, {
        ...stored,
        value: { active: { watch: 'watching', flow: nodeId } },
      });
      const scope = this.#scope(this.#profile(row.customer_id), at);
      const result = stepJourney(target.machine, placed, { type: MOVE_EVENT, nodeId, ...scope });
      const cause = { cause: `migrated from version ${row.version} at ${row.node}` };
      this.#persist({ ...row, version: target.version }, target, null, result, scope, cause, metrics);
      moved++;
    }
    this.flushMetrics(metrics);
    return moved;
  }

  /** Called synchronously, inside the step's transaction, each time an instance converts. */
  onConversion(listener: (conversion: Conversion) => void): void {
    this.#conversionListeners.push(listener);
  }

  /** Writes counter increments gathered during the current transaction. */
  flushMetrics(metrics: MetricBatch): void {
    metrics.flush(this.metricStore);
  }

  #profile(customerId: string): Profile {
    const row = this.#statements.customer.get(customerId);
    return row ? { attributes: JSON.parse(row.attributes), tags: JSON.parse(row.tags) } : { attributes: {}, tags: [] };
  }

  #scope(profile: Profile, at: number, properties: Record<string, unknown> = {}): EventScope {
    return { at, properties, profile: profile.attributes, tags: profile.tags };
  }

  #enter(event: IncomingEvent, profileOf: () => Profile, metrics: MetricBatch): void {
    for (const version of this.#versions.live()) {
      const entry = version.compiled.entry;
      if (entry.kind !== 'event' || entry.event !== event.type) continue;
      const scope = this.#scope(profileOf(), event.timestamp, event.properties);
      if (
        entry.where &&
        !evaluateCondition(entry.where, { profile: scope.profile, tags: scope.tags, event: scope }).value
      ) {
        continue;
      }
      this.enterCustomer(version, event.customerId, scope, { cause: event.type, eventId: event.eventId }, metrics);
    }
  }

  /** Starts an instance unless the journey's reentry rule forbids it; returns whether the customer entered. */
  enterCustomer(
    version: LoadedVersion,
    customerId: string,
    scope: EventScope,
    cause: { cause: string; eventId?: string | undefined },
    metrics: MetricBatch,
  ): boolean {
    const prior = this.#statements.priorInstance.get(version.journeyId, customerId)?.active;
    if (prior !== null && prior !== undefined) {
      const reentry = version.compiled.reentry;
      // Only an event can start a second, concurrent run (reentry "always"); a segment or schedule never does.
      const concurrent = reentry === 'always' && version.compiled.entry.kind === 'event';
      if (reentry === 'never' || (prior === 1 && !concurrent)) return false;
    }
    const id = Number(
      this.#statements.insertInstance.run({
        journeyId: version.journeyId,
        version: version.version,
        customerId,
        at: scope.at,
      }).lastInsertRowid,
    );
    const row: InstanceRow = {
      id,
      journey_id: version.journeyId,
      version: version.version,
      customer_id: customerId,
      node: '',
      state: '{}',
      variants: '{}',
      steps: 0,
      entered_at: scope.at,
    };
    const started = startJourney(version.machine, { customerId, journeyId: version.journeyId, ...scope });
    metrics.entered(version, scope.at);
    this.#persist(row, version, null, started, scope, cause, metrics);
    return true;
  }

  #advance(
    row: InstanceRow,
    version: LoadedVersion,
    event: JourneyEvent,
    cause: { cause: string; eventId?: string | undefined },
    metrics: MetricBatch,
  ): void {
    const snapshot = restoreSnapshot(version.machine, JSON.parse(row.state));
    const result = stepJourney(version.machine, snapshot, event);
    if (
      result.snapshot.value === snapshot.value &&
      result.actions.length === 0 &&
      result.snapshot.context === snapshot.context
    ) {
      return;
    }
    this.#persist(row, version, row.node, result, event, cause, metrics);
  }

  /**
   * Performs what a step asked for, feeding immediate effect results (benefit grants,
   * profile updates) back into the machine until it waits, then saves the instance.
   */
  #persist(
    row: InstanceRow,
    version: LoadedVersion,
    /** Where the instance stood in this version before the step; null when it was not in this version yet. */
    fromNode: string | null,
    first: StepResult,
    scope: EventScope,
    cause: { cause: string; eventId?: string | undefined },
    metrics: MetricBatch,
  ): void {
    const variants: Record<string, string> = JSON.parse(row.variants);
    const performed: JourneyAction[] = [];
    let steps = row.steps;
    let convertedAt: number | null = null;
    let result: StepResult | undefined = first;
    let snapshot = first.snapshot;
    // The scope conditions see: after a profile update in this step, the updated profile.
    let current: EventScope = scope;
    const conditions: ConditionExplanation[] = [];
    while (result) {
      snapshot = result.snapshot;
      steps++;
      for (const id of result.cancelledTimers) this.#statements.cancelTimer.run(row.id, id);
      for (const timer of result.timers)
        this.#statements.insertTimer.run(row.id, timer.id, timer.eventType, scope.at + timer.delay);
      let effect: JourneyEvent | undefined;
      for (const action of result.actions) {
        performed.push(action);
        if (action.type === 'traverse') {
          const branches = version.conditionBranches.get(action.params.nodeId);
          if (branches)
            conditions.push(explainCondition(action.params.nodeId, branches, action.params.handle, current));
        }
        if (action.type === 'traverse' && version.nodeTypes.get(action.params.nodeId) === 'split') {
          variants[action.params.nodeId] = action.params.handle;
        }
        if (action.type === 'convert') {
          convertedAt = scope.at;
          const conversion = { instanceId: row.id, at: scope.at, properties: scope.properties ?? {} };
          for (const listener of this.#conversionListeners) listener(conversion);
        }
        if (action.type === 'sendMessage') this.#queueMessage(row, version, action.params, steps, scope);
        if (immediateEffects.has(action.type)) effect = this.#performEffect(row, version, action, current);
      }
      if (effect) current = effect;
      result = effect ? stepJourney(version.machine, snapshot, effect) : undefined;
    }
    const node = currentNodeOf(snapshot.value);
    const status = finalStatus[node] ?? 'active';
    if (status !== 'active') this.#statements.cancelAllTimers.run(row.id);
    metrics.step(version, {
      from: fromNode,
      to: status === 'active' ? node : null,
      actions: performed,
      variants,
      enteredAt: row.entered_at,
      at: scope.at,
    });
    this.#statements.saveInstance.run({
      id: row.id,
      status,
      node,
      state: JSON.stringify(persistSnapshot(snapshot)),
      variants: JSON.stringify(variants),
      steps,
      at: scope.at,
      endedAt: status === 'active' ? null : scope.at,
      convertedAt,
    });
    this.#statements.insertStep.run({
      instanceId: row.id,
      at: scope.at,
      cause: cause.cause,
      eventId: cause.eventId ?? null,
      fromNode,
      toNode: node,
      detail: JSON.stringify({
        actions: performed.map(describeAction),
        ...(conditions.length > 0 ? { conditions } : {}),
      }),
    });
  }

  /**
   * Adds a delivery decision to the instance's trace (deferred for quiet hours, skipped by a frequency cap,
   * failed, dead-lettered), so a complaint about a missing or late message can be answered from the trace.
   */
  noteDelivery(instanceId: number, nodeId: string, at: number, outcome: string, detail: Record<string, unknown>): void {
    this.#statements.insertStep.run({
      instanceId,
      at,
      cause: `message.${outcome}`,
      eventId: null,
      fromNode: nodeId,
      toNode: nodeId,
      detail: JSON.stringify(detail),
    });
  }

  #queueMessage(
    row: InstanceRow,
    version: LoadedVersion,
    params: Extract<JourneyAction, { type: 'sendMessage' }>['params'],
    step: number,
    scope: EventScope,
  ): void {
    const templateScope = { profile: scope.profile, event: scope.properties ?? {} };
    this.#statements.insertMessage.run({
      key: `${row.id}:${params.nodeId}:${step}`,
      instanceId: row.id,
      journeyId: version.journeyId,
      version: version.version,
      customerId: row.customer_id,
      nodeId: params.nodeId,
      channel: params.channel,
      title: params.title ? renderTemplate(params.title, templateScope) : null,
      body: renderTemplate(params.body, templateScope),
      awaitResult: params.awaitResult ? 1 : 0,
      at: scope.at,
    });
  }

  /** Performs a benefit grant or profile update now and returns the effect event that reports it. */
  #performEffect(row: InstanceRow, version: LoadedVersion, action: JourneyAction, scope: EventScope): JourneyEvent {
    let outcome = 'next';
    let profile = { attributes: { ...scope.profile }, tags: [...scope.tags] };
    if (action.type === 'grantBenefit') {
      outcome = this.#benefits.grant({
        ...action.params,
        customerId: row.customer_id,
        instanceId: row.id,
        at: scope.at,
        timeZone: version.compiled.timezone,
      })
        ? 'granted'
        : 'unavailable';
    } else if (action.type === 'updateProfile') {
      profile = applyProfileUpdate(profile, action.params);
      this.#statements.updateCustomer.run(
        JSON.stringify(profile.attributes),
        JSON.stringify(profile.tags),
        scope.at,
        row.customer_id,
      );
    }
    const nodeId = 'nodeId' in action.params ? action.params.nodeId : '';
    return {
      type: EFFECT_EVENT,
      nodeId,
      outcome,
      at: scope.at,
      properties: {},
      profile: profile.attributes,
      tags: profile.tags,
    };
  }
}

/** A compact, readable record of an action for the instance's "why" trace (message texts live in the message log). */
function describeAction(action: JourneyAction): Record<string, unknown> {
  if (action.type === 'sendMessage')
    return { type: action.type, nodeId: action.params.nodeId, channel: action.params.channel };
  return { type: action.type, ...action.params };
}

interface ConditionExplanation {
  nodeId: string;
  taken: string;
  branches: Array<{ id: string; holds: boolean; errors?: string[] }>;
}

/** Why a condition node sent the customer where it did: each branch's rule, evaluated on the same scope. */
function explainCondition(
  nodeId: string,
  branches: ReadonlyArray<{ id: string; when: Condition }>,
  taken: string,
  scope: EventScope,
): ConditionExplanation {
  return {
    nodeId,
    taken,
    branches: branches.map(({ id, when }) => {
      const result = evaluateCondition(when, {
        profile: scope.profile,
        tags: scope.tags,
        event: { properties: scope.properties ?? {} },
      });
      return {
        id,
        holds: result.value,
        ...(result.errors.length > 0
          ? { errors: result.errors.map((error) => `${error.path}: ${error.message}`) }
          : {}),
      };
    }),
  };
}
