import { type NodeConfigs, type NodeType, parseNodeConfig } from '../catalog';
import type { Condition } from '../conditions/schema';
import type { JourneyDocument, JourneyEdge, JourneyNode, JourneySettings } from '../model/document';
import { variantRanges } from './split';
import { type DelaySpec, EFFECT_EVENT, type JourneyAction, type JourneyGuard, MOVE_EVENT } from './types';
import { isPublishable, type ValidationOptions, type ValidationProblem, validateJourney } from './validate';

/** Context updates the machine makes itself (counting events for waitForEvent). */
export type CountAction =
  | { type: 'resetCount'; params: { nodeId: string } }
  | { type: 'countEvent'; params: { nodeId: string; window: string } };

export type ActionJson = JourneyAction | CountAction;

export interface TransitionJson {
  target?: string;
  guard?: JourneyGuard;
  actions?: ActionJson[];
}

export interface StateJson {
  type?: 'parallel' | 'final';
  initial?: string;
  entry?: ActionJson[];
  always?: TransitionJson[];
  on?: Record<string, TransitionJson[]>;
  after?: Record<string, TransitionJson[]>;
  states?: Record<string, StateJson>;
  meta?: { nodeType: string; label?: string };
}

export interface MachineConfigJson extends StateJson {
  id: typeof MACHINE_ID;
}

/**
 * A journey compiled for execution. `config` is a plain-JSON XState v5 machine config (actions,
 * guards and delays referenced by name with params) that any XState tool can open;
 * `createJourneyMachine` binds the names to implementations.
 */
export interface CompiledJourney {
  journeyId: string;
  timezone: string;
  config: MachineConfigJson;
  delays: Record<string, DelaySpec>;
  /** How customers enter: the trigger node's config (the runtime matches it before an instance exists). */
  entry: NodeConfigs['trigger'];
  triggerNodeId: string;
  reentry: JourneySettings['reentry'];
}

export type CompileResult = { ok: true; compiled: CompiledJourney } | { ok: false; problems: ValidationProblem[] };

export const MACHINE_ID = 'journey';
/** Root-level final states; `$` cannot appear in node ids, so these never clash with nodes. */
export const FINAL_STATES = { completed: '$completed', goal: '$goal', exited: '$exited' } as const;
const ACTIVE = 'active';
const FLOW = 'flow';
const WATCH = 'watch';

const finalTarget = (state: string) => `#${MACHINE_ID}.${state}`;

type NodeOf<Type extends NodeType> = { node: JourneyNode; config: NodeConfigs[Type] };

/** Builds the states of one document; one instance per compilation. */
class MachineBuilder {
  readonly delays: Record<string, DelaySpec> = {};
  private readonly edgesByHandle = new Map<string, JourneyEdge>();

  constructor(document: JourneyDocument) {
    for (const edge of document.edges) this.edgesByHandle.set(`${edge.source}\u0000${edge.sourceHandle}`, edge);
  }

  edge(nodeId: string, handle: string): JourneyEdge | undefined {
    return this.edgesByHandle.get(`${nodeId}\u0000${handle}`);
  }

  /** The transition along the edge leaving `handle`, recording the traversal for metrics and traces. */
  follow(nodeId: string, handle: string, guard?: JourneyGuard, extraActions: ActionJson[] = []): TransitionJson {
    const edge = this.edge(nodeId, handle);
    if (!edge) throw new Error(`node ${nodeId} has no edge on handle ${handle}`);
    const traverse: JourneyAction = {
      type: 'traverse',
      params: { nodeId, handle, edgeId: edge.id, target: edge.target },
    };
    return { target: edge.target, ...(guard ? { guard } : {}), actions: [...extraActions, traverse] };
  }

  delay(name: string, spec: DelaySpec): string {
    this.delays[name] = spec;
    return name;
  }

  state(node: JourneyNode): StateJson {
    const type = node.type as NodeType;
    const parsed = parseNodeConfig(type, node.config);
    if (!parsed.ok) throw new Error(`node ${node.id} has an invalid config`);
    const enter: JourneyAction = { type: 'enterNode', params: { nodeId: node.id, nodeType: type } };
    const meta = { nodeType: type, ...(node.label ? { label: node.label } : {}) };
    // The table is keyed by type, so each entry receives the config of its own type.
    const build = stateBuilders[type] as StateBuilder<NodeType>;
    const body = build(this, { node, config: parsed.config });
    return { meta, ...body, entry: [enter, ...(body.entry ?? [])] };
  }

  /** A node whose side effect the runtime performs, then reports back as an effect event naming the outcome. */
  effect(nodeId: string, outcomes: string[], action: JourneyAction): StateJson {
    return {
      entry: [action],
      on: {
        [EFFECT_EVENT]: outcomes.map((outcome) =>
          this.follow(nodeId, outcome, { type: 'effectIs', params: { nodeId, outcome } }),
        ),
      },
    };
  }
}

type StateBuilder<Type extends NodeType> = (builder: MachineBuilder, subject: NodeOf<Type>) => StateJson;

/** How each node type becomes a state: the one place that knows the execution semantics of a node. */
const stateBuilders: { [Type in NodeType]: StateBuilder<Type> } = {
  trigger: (builder, { node }) => ({ always: [builder.follow(node.id, 'next')] }),

  wait(builder, { node, config }) {
    const spec: DelaySpec =
      'duration' in config
        ? { kind: 'duration', duration: config.duration }
        : {
            kind: 'until',
            time: config.until.time,
            ...(config.until.weekdays ? { weekdays: config.until.weekdays } : {}),
          };
    return { after: { [builder.delay(`wait.${node.id}`, spec)]: [builder.follow(node.id, 'next')] } };
  },

  waitForEvent(builder, { node, config }) {
    const count = config.count ?? 1;
    const window = config.window ?? 'rolling';
    const where = config.where ? { where: config.where } : {};
    const matched = builder.follow(node.id, 'matched', {
      type: 'eventMatches',
      params: { nodeId: node.id, ...where, count, window },
    });
    const counted: TransitionJson = {
      guard: { type: 'eventMatches', params: { nodeId: node.id, ...where, count: 1, window } },
      actions: [{ type: 'countEvent', params: { nodeId: node.id, window } }],
    };
    const within = builder.delay(`within.${node.id}`, { kind: 'duration', duration: config.within });
    return {
      ...(count > 1 ? { entry: [{ type: 'resetCount', params: { nodeId: node.id } }] } : {}),
      on: { [config.event]: count > 1 ? [matched, counted] : [matched] },
      after: { [within]: [builder.follow(node.id, 'timeout')] },
    };
  },

  condition: (builder, { node, config }) => ({
    always: [
      ...config.branches.map((branch) =>
        builder.follow(node.id, branch.id, { type: 'conditionHolds', params: { when: branch.when } }),
      ),
      builder.follow(node.id, 'else'),
    ],
  }),

  split: (builder, { node, config }) => ({
    always: variantRanges(config.variants).map((range) =>
      builder.follow(node.id, range.variantId, {
        type: 'inVariant',
        params: { nodeId: node.id, from: range.from, to: range.to },
      }),
    ),
  }),

  message(builder, { node, config }) {
    const { template } = config;
    if (!template) throw new Error(`message ${node.id} has no text; compileJourney refuses unresolved creatives`);
    // Without a `failed` edge the journey moves on once the message is queued; with one it waits for the dispatch result.
    const awaitResult = builder.edge(node.id, 'failed') !== undefined;
    const send: JourneyAction = {
      type: 'sendMessage',
      params: {
        nodeId: node.id,
        channel: config.channel,
        ...(template.title ? { title: template.title } : {}),
        body: template.body,
        awaitResult,
      },
    };
    return awaitResult
      ? builder.effect(node.id, ['sent', 'failed'], send)
      : { entry: [send], always: [builder.follow(node.id, 'sent')] };
  },

  benefit: (builder, { node, config }) =>
    builder.effect(node.id, ['granted', 'unavailable'], {
      type: 'grantBenefit',
      params: { nodeId: node.id, poolId: config.poolId, quantity: config.quantity ?? 1 },
    }),

  updateProfile: (builder, { node, config }) =>
    builder.effect(node.id, ['next'], {
      type: 'updateProfile',
      params: {
        nodeId: node.id,
        set: config.set ?? {},
        addTags: config.addTags ?? [],
        removeTags: config.removeTags ?? [],
      },
    }),

  exit: (_builder, { node }) => ({
    entry: [{ type: 'leave', params: { reason: 'exitNode', nodeId: node.id } }],
    always: [{ target: finalTarget(FINAL_STATES.completed) }],
  }),
};

/** The watcher region: goal and exitWhen apply whatever node the customer is in. */
function watchRegion(settings: JourneySettings): StateJson {
  const exitWhen = settings.exitWhen;
  const goal = settings.goal;
  const exitHandlers: Record<string, TransitionJson[]> = exitWhen
    ? {
        [exitWhen.event]: [
          {
            guard: { type: 'exitMatches', params: exitWhen.where ? { where: exitWhen.where } : {} },
            target: finalTarget(FINAL_STATES.exited),
            actions: [{ type: 'leave', params: { reason: 'exitWhen' } }],
          },
        ],
      }
    : {};
  const watching: Record<string, TransitionJson[]> = { ...exitHandlers };
  if (goal) {
    const params: { where?: Condition; within?: string } = {
      ...(goal.where ? { where: goal.where } : {}),
      ...(goal.within ? { within: goal.within } : {}),
    };
    const convert: ActionJson = { type: 'convert', params: { event: goal.event } };
    const reach: TransitionJson = goal.exitOnGoal
      ? {
          guard: { type: 'goalReached', params },
          target: finalTarget(FINAL_STATES.goal),
          actions: [convert, { type: 'leave', params: { reason: 'goal' } }],
        }
      : { guard: { type: 'goalReached', params }, target: 'converted', actions: [convert] };
    // exitWhen first: leaving on the same event outranks converting.
    watching[goal.event] = [...(watching[goal.event] ?? []), reach];
  }
  return {
    initial: 'watching',
    states: {
      watching: { on: watching },
      ...(goal && !goal.exitOnGoal ? { converted: { on: exitHandlers } } : {}),
    },
  };
}

/** `journey.moveTo` re-enters the named node (exit and entry actions run, timers restart): version migration. */
function moveTransitions(document: JourneyDocument): TransitionJson[] {
  return document.nodes
    .filter((node) => node.type !== 'trigger')
    .map((node) => ({ guard: { type: 'movesTo', params: { nodeId: node.id } }, target: `.${FLOW}.${node.id}` }));
}

/**
 * The machine sends exactly the text it holds, so a message naming a library creative must carry that creative's
 * text by now: publishing copies it in with `resolveCreatives`.
 */
function unresolvedCreativeProblems(document: JourneyDocument): ValidationProblem[] {
  return document.nodes.flatMap((node, index) => {
    const parsed = node.type === 'message' ? parseNodeConfig('message', node.config) : undefined;
    if (!parsed?.ok || parsed.config.template) return [];
    return [
      {
        code: 'unknown_creative',
        message: `Message "${node.label ?? node.id}": the text of creative "${parsed.config.creativeId}" was not filled in from the library`,
        path: `nodes.${index}.config.creativeId`,
        nodeId: node.id,
        severity: 'error',
      },
    ];
  });
}

/**
 * Compiles a journey document into an XState machine config. Invalid documents (checked with `options`) are
 * refused with the validator's problems; compilation itself never throws on a document that validates.
 */
export function compileJourney(document: JourneyDocument, options: ValidationOptions = {}): CompileResult {
  const problems = validateJourney(document, options);
  if (!isPublishable(problems)) return { ok: false, problems };
  const unresolved = unresolvedCreativeProblems(document);
  if (unresolved.length > 0) return { ok: false, problems: [...problems, ...unresolved] };
  const builder = new MachineBuilder(document);
  const trigger = document.nodes.find((node) => node.type === 'trigger')!;
  const entry = parseNodeConfig('trigger', trigger.config);
  if (!entry.ok) return { ok: false, problems };
  const flowStates = Object.fromEntries(document.nodes.map((node) => [node.id, builder.state(node)]));
  const config: MachineConfigJson = {
    id: MACHINE_ID,
    initial: ACTIVE,
    states: {
      [ACTIVE]: {
        type: 'parallel',
        on: { [MOVE_EVENT]: moveTransitions(document) },
        states: {
          // Declared before the flow so that, on an event both handle, leaving or converting wins.
          [WATCH]: watchRegion(document.settings),
          [FLOW]: { initial: trigger.id, states: flowStates },
        },
      },
      [FINAL_STATES.completed]: { type: 'final' },
      [FINAL_STATES.goal]: { type: 'final' },
      [FINAL_STATES.exited]: { type: 'final' },
    },
  };
  return {
    ok: true,
    compiled: {
      journeyId: document.id,
      timezone: document.settings.timezone,
      config,
      delays: builder.delays,
      entry: entry.config,
      triggerNodeId: trigger.id,
      reentry: document.settings.reentry,
    },
  };
}

/** The node a snapshot value stands at: a flow node id, or one of FINAL_STATES once the journey is over. */
export function currentNodeOf(value: unknown): string {
  if (typeof value === 'string') return value;
  const active = (value as Record<string, Record<string, unknown>>)[ACTIVE];
  const flow = active?.[FLOW];
  if (typeof flow !== 'string') throw new Error(`not a journey state value: ${JSON.stringify(value)}`);
  return flow;
}

/**
 * Which behavioural events can change an instance standing at a node: those its state handles, plus the
 * goal and exit-when events that apply everywhere. Read from the compiled config itself, so the runtime
 * can skip restoring and stepping an instance for an event it would ignore.
 */
export function eventListeners(compiled: CompiledJourney): (nodeId: string, eventType: string) => boolean {
  const active = compiled.config.states?.[ACTIVE];
  const everywhere = new Set(
    Object.values(active?.states?.[WATCH]?.states ?? {}).flatMap((state) => Object.keys(state.on ?? {})),
  );
  const byNode = new Map(
    Object.entries(active?.states?.[FLOW]?.states ?? {}).map(([nodeId, state]) => [
      nodeId,
      new Set(Object.keys(state.on ?? {})),
    ]),
  );
  return (nodeId, eventType) => everywhere.has(eventType) || (byNode.get(nodeId)?.has(eventType) ?? false);
}
