import {
  compileJourney,
  createJourneyMachine,
  currentNodeOf,
  EFFECT_EVENT,
  type JourneyAction,
  type JourneyDocument,
  type JourneySnapshot,
  MOVE_EVENT,
  type StepResult,
  startJourney,
  stepJourney,
  type TimerRequest,
} from '../src';

/**
 * Test-only stand-in for the runtime: steps one customer through a compiled journey,
 * keeps its pending timers and the actions it asked for.
 */
export class JourneyDriver {
  readonly machine;
  snapshot!: JourneySnapshot;
  readonly actions: JourneyAction[] = [];
  timers = new Map<string, TimerRequest & { dueAt: number }>();
  profile: Record<string, unknown>;
  tags: string[];
  now: number;

  constructor(
    document: JourneyDocument,
    options: { customerId?: string; profile?: Record<string, unknown>; tags?: string[]; at?: number } = {},
  ) {
    const compiled = compileJourney(document);
    if (!compiled.ok) throw new Error(`invalid journey: ${JSON.stringify(compiled.problems)}`);
    this.machine = createJourneyMachine(compiled.compiled);
    this.profile = options.profile ?? {};
    this.tags = options.tags ?? [];
    this.now = options.at ?? Date.UTC(2026, 0, 5, 2);
    this.apply(
      startJourney(this.machine, {
        customerId: options.customerId ?? 'c1',
        journeyId: document.id,
        at: this.now,
        profile: this.profile,
        tags: this.tags,
      }),
    );
  }

  private apply(result: StepResult): void {
    const startedAt = this.now;
    this.snapshot = result.snapshot;
    this.actions.push(...result.actions);
    for (const id of result.cancelledTimers) this.timers.delete(id);
    for (const timer of result.timers) this.timers.set(timer.id, { ...timer, dueAt: startedAt + timer.delay });
  }

  get node(): string {
    return currentNodeOf(this.snapshot.value);
  }

  get done(): boolean {
    return this.snapshot.status === 'done';
  }

  send(type: string, properties: Record<string, unknown> = {}, at = this.now): this {
    this.now = at;
    this.apply(
      stepJourney(this.machine, this.snapshot, { type, at, properties, profile: this.profile, tags: this.tags }),
    );
    return this;
  }

  effect(nodeId: string, outcome: string): this {
    this.apply(
      stepJourney(this.machine, this.snapshot, {
        type: EFFECT_EVENT,
        nodeId,
        outcome,
        at: this.now,
        profile: this.profile,
        tags: this.tags,
      }),
    );
    return this;
  }

  /** Moves the customer to `nodeId`, as a version migration does. */
  move(nodeId: string): this {
    this.apply(
      stepJourney(this.machine, this.snapshot, {
        type: MOVE_EVENT,
        nodeId,
        at: this.now,
        profile: this.profile,
        tags: this.tags,
      }),
    );
    return this;
  }

  /** Fires every timer due by `at`, earliest first, as the runtime's timer loop would. */
  advanceTo(at: number): this {
    for (;;) {
      const due = [...this.timers.values()].filter((timer) => timer.dueAt <= at).sort((a, b) => a.dueAt - b.dueAt)[0];
      if (!due) break;
      this.timers.delete(due.id);
      this.now = due.dueAt;
      this.apply(
        stepJourney(this.machine, this.snapshot, {
          type: due.eventType,
          at: due.dueAt,
          profile: this.profile,
          tags: this.tags,
        }),
      );
    }
    this.now = at;
    return this;
  }

  /** The nodes entered, in order. */
  get path(): string[] {
    return this.actions.flatMap((action) => (action.type === 'enterNode' ? [action.params.nodeId] : []));
  }

  actionsOf<Type extends JourneyAction['type']>(type: Type): Extract<JourneyAction, { type: Type }>[] {
    return this.actions.filter((action): action is Extract<JourneyAction, { type: Type }> => action.type === type);
  }
}
