import type { z } from 'zod';
import {
  catalog,
  channelLabels,
  type HandleSpec,
  isNodeType,
  type NodeConfigs,
  type NodeType,
  nodeSpec,
  parseNodeConfig,
} from '../catalog';
import { type AttributeType, checkCondition, isKnownAttribute } from '../conditions/check';
import type { Condition } from '../conditions/schema';
import type { CreativeContent } from '../model/creatives';
import type { JourneyDocument, JourneyEdge, JourneyNode } from '../model/document';
import { issuePath, parseJourneyDocument } from '../model/migrate';
import { templatePlaceholders } from '../model/template';
import { isValidTimeZone, parseJourneyDuration } from '../time';

export type ValidationCode =
  | 'invalid_document'
  | 'no_trigger'
  | 'multiple_triggers'
  | 'unknown_node_type'
  | 'invalid_config'
  | 'duplicate_node_id'
  | 'duplicate_edge_id'
  | 'edge_missing_source'
  | 'edge_missing_target'
  | 'unknown_handle'
  | 'dangling_handle'
  | 'handle_multiple_edges'
  | 'edge_to_trigger'
  | 'self_loop'
  | 'unreachable_node'
  | 'no_path_to_exit'
  | 'cycle_without_wait'
  | 'split_weights'
  | 'duplicate_handle_id'
  | 'invalid_duration'
  | 'message_without_template'
  | 'invalid_condition'
  | 'unknown_attribute'
  | 'unknown_event'
  | 'unknown_segment'
  | 'unknown_benefit_pool'
  | 'unknown_creative'
  | 'creative_channel_mismatch'
  | 'unapproved_creative'
  | 'shadowed_by_goal'
  | 'invalid_settings';

export interface ValidationProblem {
  code: ValidationCode;
  /** Plain English naming the node by its label or type. */
  message: string;
  /** Dotted path into the document, e.g. `nodes.3.config.within`. */
  path: string;
  nodeId?: string;
  edgeId?: string;
  severity: 'error' | 'warning';
}

/** What the journey may refer to; each list, when given, turns unknown references into warnings. */
export interface ValidationOptions {
  attributes?: Readonly<Record<string, AttributeType>>;
  knownEvents?: readonly string[];
  segments?: readonly string[];
  benefitPools?: readonly string[];
  /**
   * The library creatives by id. When given, a message's creative must exist, suit its channel and not be marked
   * `unapproved` (errors: the text to send would be missing, wrong or not cleared), and its text is checked for
   * placeholders; otherwise `creativeId` is not checked.
   */
  creatives?: ReadonlyMap<string, CreativeContent>;
}

/** A journey with no error (warnings allowed) may be published. */
export function isPublishable(problems: readonly ValidationProblem[]): boolean {
  return problems.every((problem) => problem.severity !== 'error');
}

type Severity = ValidationProblem['severity'];
type Reporter = (code: ValidationCode, path: string, message: string, severity?: Severity) => ValidationProblem;
type ReferenceCode = 'unknown_event' | 'unknown_segment' | 'unknown_benefit_pool';

type MessageConfig = NodeConfigs['message'];
type TypedConfig = { [Type in NodeType]: { type: Type; config: NodeConfigs[Type] } }[NodeType];

/** A node as the checks see it: its config is known only when its type exists and the config parses. */
interface NodeEntry {
  node: JourneyNode;
  index: number;
  name: string;
  typed?: TypedConfig;
  outputs?: HandleSpec[];
}

interface IndexedEdge {
  edge: JourneyEdge;
  index: number;
}

interface Journey {
  document: JourneyDocument;
  entries: NodeEntry[];
  /** The first node of each id; later duplicates are reported and otherwise ignored. */
  byId: ReadonlyMap<string, NodeEntry>;
  /** Edges by source node id, then by source handle. */
  outgoing: ReadonlyMap<string, ReadonlyMap<string, IndexedEdge[]>>;
}

const WAITING_TYPES: ReadonlySet<string> = new Set(['wait', 'waitForEvent']);
const WEIGHT_TOLERANCE = 1e-9;

const joinPath = (...parts: Array<string | number>) => parts.filter((part) => part !== '').join('.');

function nodeName(node: JourneyNode): string {
  if (!isNodeType(node.type)) return node.label ? `Node "${node.label}"` : `Node of type "${node.type}"`;
  const typeName = catalog[node.type].label.en;
  return node.label ? `${typeName} "${node.label}"` : typeName;
}

function nodeReporter(entry: NodeEntry): Reporter {
  return (code, path, message, severity = 'error') => ({
    code,
    message: `${entry.name}: ${message}`,
    path: joinPath('nodes', entry.index, path),
    nodeId: entry.node.id,
    severity,
  });
}

const reportSettings: Reporter = (code, path, message, severity = 'error') => ({
  code,
  message: `Settings: ${message}`,
  path: joinPath('settings', path),
  severity,
});

// ---- goal ---------------------------------------------------------------------------------------

/**
 * A goal that ends the journey on any event of a type also wins over a node waiting for that event
 * (it is checked first), so the node's `matched` path can never be taken: almost always a design slip.
 */
function goalShadowProblems({ document, entries }: Journey): ValidationProblem[] {
  const goal = document.settings.goal;
  if (!goal?.exitOnGoal || goal.where || goal.within) return [];
  return entries.flatMap((entry) =>
    entry.typed?.type === 'waitForEvent' && entry.typed.config.event === goal.event
      ? [
          nodeReporter(entry)(
            'shadowed_by_goal',
            'config.event',
            `the goal on "${goal.event}" ends the journey first, so "Matched" is never taken; give the goal a condition or wait for another event`,
            'warning',
          ),
        ]
      : [],
  );
}

// ---- node configs ---------------------------------------------------------------------------

/** Replaces a union failure by the issues of its closest branch (the one with the fewest issues). */
function flattenIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
  return closest.flatMap((inner) => flattenIssue({ ...inner, path: [...issue.path, ...inner.path] }));
}

function isConditionField(type: NodeType, path: readonly PropertyKey[]): boolean {
  if (type === 'condition') return path[0] === 'branches' && path[2] === 'when';
  return (type === 'trigger' || type === 'waitForEvent') && path.includes('where');
}

/** The most specific code for a schema issue, so the designer can point at the exact mistake. */
function configIssueProblem(report: Reporter, type: NodeType, issue: z.core.$ZodIssue): ValidationProblem {
  const field = issuePath(issue.path);
  const path = joinPath('config', field);
  const [first, second] = issue.path;
  if (isConditionField(type, issue.path)) return report('invalid_condition', path, `${field}: ${issue.message}`);
  if ((type === 'wait' && first === 'duration') || (type === 'waitForEvent' && first === 'within')) {
    return report('invalid_duration', path, issue.message);
  }
  if (type === 'message' && first === 'template' && (second === undefined || second === 'body')) {
    return report('message_without_template', path, 'the message has no text to send');
  }
  return report('invalid_config', path, `${field || 'config'}: ${issue.message}`);
}

function readNode(node: JourneyNode, index: number): { entry: NodeEntry; problems: ValidationProblem[] } {
  const entry: NodeEntry = { node, index, name: nodeName(node) };
  const report = nodeReporter(entry);
  if (!isNodeType(node.type)) {
    const message = `"${node.type}" is not a node type (${Object.keys(catalog).join(', ')})`;
    return { entry, problems: [report('unknown_node_type', 'type', message)] };
  }
  const type = node.type;
  const parsed = parseNodeConfig(type, node.config);
  if (!parsed.ok) {
    const problems = parsed.issues.flatMap(flattenIssue).map((issue) => configIssueProblem(report, type, issue));
    return { entry, problems };
  }
  // parseNodeConfig checked `config` against the schema of this very `type`.
  const typed = { type, config: parsed.config } as TypedConfig;
  return { entry: { ...entry, typed, outputs: nodeSpec(type).outputs(parsed.config) }, problems: [] };
}

// ---- references, conditions and templates ---------------------------------------------------

/** Which option lists each kind of reference, and what to call it. */
const references = {
  unknown_event: { list: 'knownEvents', noun: 'event' },
  unknown_segment: { list: 'segments', noun: 'segment' },
  unknown_benefit_pool: { list: 'benefitPools', noun: 'benefit pool' },
} as const satisfies Record<ReferenceCode, { list: keyof ValidationOptions; noun: string }>;

interface ConditionSite {
  condition: Condition | undefined;
  path: string;
  /** False where no event is in scope, e.g. a scheduled audience chosen from profiles alone. */
  allowEventProperties: boolean;
  /** Names the rule within its node, e.g. a branch. */
  context?: string;
}

/** Reference and condition checks whose problems go to `report`. */
function checksFor(report: Reporter, options: ValidationOptions) {
  return {
    reference(code: ReferenceCode, value: string, path: string): ValidationProblem[] {
      const { list, noun } = references[code];
      const known = options[list];
      if (!known || known.includes(value)) return [];
      return [report(code, path, `unknown ${noun} "${value}"`, 'warning')];
    },
    condition({ condition, path, allowEventProperties, context }: ConditionSite): ValidationProblem[] {
      if (!condition) return [];
      const issues = checkCondition(condition, { attributes: options.attributes, allowEventProperties });
      return issues.map((issue) =>
        report(
          issue.code,
          joinPath(path, issue.path),
          context ? `${context}: ${issue.message}` : issue.message,
          // Profiles are open-ended (imports add columns), so an unknown attribute may be intended.
          issue.code === 'unknown_attribute' ? 'warning' : 'error',
        ),
      );
    },
  };
}
type Checks = ReturnType<typeof checksFor>;

const PROFILE_PREFIX = 'profile.';

/** The text a message sends, and where problems with it are reported. */
interface MessageText {
  title?: string | undefined;
  body: string;
  /** The field of each part, e.g. `config.template.body`; a creative's problems all point at `config.creativeId`. */
  pathOf(field: 'title' | 'body'): string;
  /** Says whose text it is when it is not the node's own, e.g. `the creative "renewal-offer"`. */
  owner: string;
}

function placeholderProblems(report: Reporter, text: MessageText, options: ValidationOptions) {
  const { attributes } = options;
  if (!attributes) return [];
  return (['title', 'body'] as const).flatMap((field) =>
    templatePlaceholders(text[field] ?? '')
      .filter((placeholder) => placeholder.startsWith(PROFILE_PREFIX))
      .map((placeholder) => placeholder.slice(PROFILE_PREFIX.length))
      .filter((attr) => !isKnownAttribute(attributes, attr))
      .map((attr) =>
        report('unknown_attribute', text.pathOf(field), `${text.owner} uses unknown attribute "${attr}"`, 'warning'),
      ),
  );
}

/**
 * With the library given, a message's creative is what it sends: it must exist and be written for the message's
 * channel, and its placeholders are checked; otherwise the node's own text is checked.
 */
function messageProblems(report: Reporter, config: MessageConfig, options: ValidationOptions): ValidationProblem[] {
  const { creatives } = options;
  const { creativeId, template, channel } = config;
  if (creativeId !== undefined && creatives) {
    const creative = creatives.get(creativeId);
    if (!creative) {
      return [report('unknown_creative', 'config.creativeId', `there is no creative "${creativeId}" in the library`)];
    }
    const text = { ...creative, pathOf: () => 'config.creativeId', owner: `the creative "${creativeId}"` };
    const unapproved = creative.unapproved
      ? [
          report(
            'unapproved_creative',
            'config.creativeId',
            `the creative "${creativeId}" has never been approved for sending; approve it in the content library`,
          ),
        ]
      : [];
    const mismatch =
      creative.channel === channel
        ? []
        : [
            report(
              'creative_channel_mismatch',
              'config.creativeId',
              `the creative "${creativeId}" is written for ${channelLabels[creative.channel].en}, but this message goes by ${channelLabels[channel].en}`,
            ),
          ];
    return [...unapproved, ...mismatch, ...placeholderProblems(report, text, options)];
  }
  if (!template) return [];
  const text = { ...template, pathOf: (field: string) => `config.template.${field}`, owner: 'the text' };
  return placeholderProblems(report, text, options);
}

// ---- per node type --------------------------------------------------------------------------

/** Indexes of ids that already occurred earlier in the list. */
function repeatedIndexes(ids: readonly string[]): number[] {
  return ids.flatMap((id, index) => (ids.indexOf(id) < index ? [index] : []));
}

/** Branch and variant ids become output handles, so each must be unique (and not a built-in handle). */
function handleIdProblems(report: Reporter, ids: readonly string[], listPath: string, builtIn?: string) {
  const repeated = repeatedIndexes(ids).map((index) =>
    report('duplicate_handle_id', `${listPath}.${index}.id`, `two outputs are both named "${ids[index]}"`),
  );
  const clashing = ids.flatMap((id, index) =>
    id === builtIn
      ? [report('duplicate_handle_id', `${listPath}.${index}.id`, `"${id}" is the name of the built-in output`)]
      : [],
  );
  return [...repeated, ...clashing];
}

function splitWeightProblems(report: Reporter, variants: NodeConfigs['split']['variants']): ValidationProblem[] {
  const total = variants.reduce((sum, variant) => sum + variant.weight, 0);
  if (Math.abs(total - 100) <= WEIGHT_TOLERANCE) return [];
  return [report('split_weights', 'config.variants', `the weights add up to ${total}, not 100`)];
}

function triggerProblems(check: Checks, config: NodeConfigs['trigger']): ValidationProblem[] {
  if (config.kind === 'event') {
    return [
      ...check.reference('unknown_event', config.event, 'config.event'),
      ...check.condition({ condition: config.where, path: 'config.where', allowEventProperties: true }),
    ];
  }
  if (config.kind === 'segment') return check.reference('unknown_segment', config.segmentId, 'config.segmentId');
  const audience = config.audience;
  if (!audience) return [];
  if ('segmentId' in audience) {
    return check.reference('unknown_segment', audience.segmentId, 'config.audience.segmentId');
  }
  return check.condition({ condition: audience.where, path: 'config.audience.where', allowEventProperties: false });
}

function typedNodeProblems(entry: NodeEntry, typed: TypedConfig, options: ValidationOptions): ValidationProblem[] {
  const report = nodeReporter(entry);
  const check = checksFor(report, options);
  switch (typed.type) {
    case 'trigger':
      return triggerProblems(check, typed.config);
    case 'waitForEvent': {
      const { event, where } = typed.config;
      return [
        ...check.reference('unknown_event', event, 'config.event'),
        ...check.condition({ condition: where, path: 'config.where', allowEventProperties: true }),
      ];
    }
    case 'condition': {
      const { branches } = typed.config;
      const ids = branches.map((branch) => branch.id);
      // Branches are decided on the event that brought the customer here, when there is one.
      const sites = branches.map((branch, index) => ({
        condition: branch.when,
        path: `config.branches.${index}.when`,
        allowEventProperties: true,
        context: `branch "${branch.label ?? branch.id}"`,
      }));
      return [...handleIdProblems(report, ids, 'config.branches', 'else'), ...sites.flatMap(check.condition)];
    }
    case 'split': {
      const { variants } = typed.config;
      const ids = variants.map((variant) => variant.id);
      return [...splitWeightProblems(report, variants), ...handleIdProblems(report, ids, 'config.variants')];
    }
    case 'message':
      return messageProblems(report, typed.config, options);
    case 'benefit':
      return check.reference('unknown_benefit_pool', typed.config.poolId, 'config.poolId');
    default:
      return [];
  }
}

// ---- settings -------------------------------------------------------------------------------

function settingsProblems({ settings }: JourneyDocument, options: ValidationOptions): ValidationProblem[] {
  const check = checksFor(reportSettings, options);
  const problems: ValidationProblem[] = [];
  if (!isValidTimeZone(settings.timezone)) {
    const message = `"${settings.timezone}" is not an IANA time zone such as Asia/Shanghai`;
    problems.push(reportSettings('invalid_settings', 'timezone', message));
  }
  const { goal, exitWhen } = settings;
  const rules = [
    { name: 'goal', rule: goal },
    { name: 'exitWhen', rule: exitWhen },
  ];
  for (const { name, rule } of rules) {
    if (!rule) continue;
    problems.push(
      ...check.reference('unknown_event', rule.event, `${name}.event`),
      ...check.condition({ condition: rule.where, path: `${name}.where`, allowEventProperties: true }),
    );
  }
  const within = goal?.within === undefined ? undefined : parseJourneyDuration(goal.within);
  if (within && !within.ok) problems.push(reportSettings('invalid_duration', 'goal.within', `goal: ${within.message}`));
  return problems;
}

// ---- ids, triggers, edges and handles -------------------------------------------------------

function duplicateIdProblems({ document, entries }: Journey): ValidationProblem[] {
  const nodeProblems = repeatedIndexes(document.nodes.map((node) => node.id)).map((index) => {
    const entry = entries[index]!;
    return nodeReporter(entry)('duplicate_node_id', 'id', `another node already has the id "${entry.node.id}"`);
  });
  const edgeProblems = repeatedIndexes(document.edges.map((edge) => edge.id)).map((index) => {
    const edge = document.edges[index]!;
    return edgeProblem({ edge, index }, 'duplicate_edge_id', 'id', `another edge already has the id "${edge.id}"`);
  });
  return [...nodeProblems, ...edgeProblems];
}

function triggerCountProblems({ entries }: Journey): ValidationProblem[] {
  const triggers = entries.filter((entry) => entry.node.type === 'trigger');
  if (triggers.length === 0) {
    return [
      {
        code: 'no_trigger',
        path: 'nodes',
        message: 'The journey has no trigger, so no customer can enter',
        severity: 'error',
      },
    ];
  }
  return triggers
    .slice(1)
    .map((entry) => nodeReporter(entry)('multiple_triggers', 'type', 'a journey has one trigger, and this is another'));
}

function edgeProblem(
  { edge, index }: IndexedEdge,
  code: ValidationCode,
  field: string,
  message: string,
  nodeId?: string,
): ValidationProblem {
  const problem: ValidationProblem = {
    code,
    message,
    path: joinPath('edges', index, field),
    edgeId: edge.id,
    severity: 'error',
  };
  return nodeId === undefined ? problem : { ...problem, nodeId };
}

function edgeEndProblems(journey: Journey, indexed: IndexedEdge): ValidationProblem[] {
  const { edge } = indexed;
  const source = journey.byId.get(edge.source);
  const target = journey.byId.get(edge.target);
  const from = source ? `Edge from ${source.name}` : `Edge "${edge.id}"`;
  const problems: ValidationProblem[] = [];
  const add = (code: ValidationCode, field: string, message: string) =>
    problems.push(edgeProblem(indexed, code, field, `${from}: ${message}`, source?.node.id));
  if (!source) add('edge_missing_source', 'source', `its source node "${edge.source}" does not exist`);
  if (!target) add('edge_missing_target', 'target', `its target node "${edge.target}" does not exist`);
  const outputs = source?.outputs;
  if (outputs && !outputs.some((handle) => handle.id === edge.sourceHandle)) {
    const available =
      outputs.length > 0 ? `its outputs are ${outputs.map((handle) => handle.id).join(', ')}` : 'it has no outputs';
    add('unknown_handle', 'sourceHandle', `there is no output "${edge.sourceHandle}"; ${available}`);
  }
  if (source && edge.source === edge.target) add('self_loop', 'target', 'it leads back into the same node');
  else if (target?.node.type === 'trigger') add('edge_to_trigger', 'target', 'nothing may lead into the trigger');
  return problems;
}

/** Each required output needs an edge, and no output may have two: an output leads to one place. */
function handleProblems(journey: Journey, entry: NodeEntry): ValidationProblem[] {
  const report = nodeReporter(entry);
  const byHandle = journey.outgoing.get(entry.node.id);
  return (entry.outputs ?? []).flatMap((handle) => {
    const edges = byHandle?.get(handle.id) ?? [];
    if (edges.length === 0) {
      return handle.optional ? [] : [report('dangling_handle', '', `the "${handle.label.en}" output is not connected`)];
    }
    return edges.slice(1).map((extra) => ({
      ...report(
        'handle_multiple_edges',
        '',
        `the "${handle.label.en}" output has more than one edge, but an output leads to one place`,
      ),
      path: joinPath('edges', extra.index, 'sourceHandle'),
      edgeId: extra.edge.id,
    }));
  });
}

// ---- graph ------------------------------------------------------------------------------------

/** Successor node ids of each node id. */
type Graph = ReadonlyMap<string, readonly string[]>;

/**
 * Successors of each node, over the edges the runtime could follow. Edges into the trigger and
 * self loops are left out (reported on their own); edges from unknown handles stay in, so a
 * misnamed handle does not also make everything behind it unreachable.
 */
function successors(journey: Journey): Map<string, string[]> {
  const graph = new Map<string, string[]>([...journey.byId.keys()].map((id) => [id, []]));
  for (const { source, target } of journey.document.edges) {
    const next = journey.byId.get(target);
    if (source === target || !next || next.node.type === 'trigger') continue;
    graph.get(source)?.push(target);
  }
  return graph;
}

function reachableFromTrigger(journey: Journey, graph: Graph): Set<string> {
  const start = journey.entries.filter((entry) => entry.node.type === 'trigger').map((entry) => entry.node.id);
  const reached = new Set(start);
  const queue = [...start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const next of graph.get(id) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return reached;
}

/** Tarjan's algorithm: the strongly connected components of the graph. */
function stronglyConnectedComponents(graph: Graph): string[][] {
  const order = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (id: string) => {
    order.set(id, order.size);
    lowLink.set(id, order.size - 1);
    stack.push(id);
    onStack.add(id);
    for (const next of graph.get(id) ?? []) {
      if (!order.has(next)) {
        visit(next);
        lowLink.set(id, Math.min(lowLink.get(id)!, lowLink.get(next)!));
      } else if (onStack.has(next)) {
        lowLink.set(id, Math.min(lowLink.get(id)!, order.get(next)!));
      }
    }
    if (lowLink.get(id) !== order.get(id)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== id);
    components.push(component);
  };
  for (const id of graph.keys()) if (!order.has(id)) visit(id);
  return components;
}

/** Whether a customer at this node might leave the journey or go somewhere not yet drawn. */
function mayLeave(journey: Journey, entry: NodeEntry): boolean {
  if (entry.node.type === 'exit' || !entry.outputs) return true;
  const byHandle = journey.outgoing.get(entry.node.id);
  return entry.outputs.some((handle) => !handle.optional && !byHandle?.has(handle.id));
}

/** A strongly connected component of more than one node: customers can go round it. */
interface Loop {
  /** In document order; problems are reported once, on the first. */
  members: NodeEntry[];
  ids: ReadonlySet<string>;
  /** Names the other members, for messages. */
  through: string;
}

function toLoop(journey: Journey, component: readonly string[]): Loop {
  const members = component.map((id) => journey.byId.get(id)!).sort((a, b) => a.index - b.index);
  const through = members
    .slice(1)
    .map((entry) => entry.name)
    .join(', ');
  return { members, ids: new Set(component), through };
}

/** The runtime moves through nodes without a wait in one step, so such a loop would never end. */
function waitlessLoopProblems({ members, through }: Loop): ValidationProblem[] {
  if (members.some((entry) => WAITING_TYPES.has(entry.node.type))) return [];
  const message = `it loops through ${through} with no wait, so a customer would go round forever at once`;
  return [nodeReporter(members[0]!)('cycle_without_wait', '', message)];
}

/** A loop that no edge leaves, with no exit or unconnected output in it, keeps its customers forever. */
function closedLoopProblems(journey: Journey, graph: Graph, reachable: ReadonlySet<string>, loop: Loop) {
  const first = loop.members[0]!;
  const leaves = [...loop.ids].some((id) => (graph.get(id) ?? []).some((next) => !loop.ids.has(next)));
  if (leaves || !reachable.has(first.node.id) || loop.members.some((entry) => mayLeave(journey, entry))) return [];
  const message = `it loops through ${loop.through} and no edge leaves the loop, so customers never reach an exit`;
  return [nodeReporter(first)('no_path_to_exit', '', message, 'warning')];
}

function loopProblems(journey: Journey, graph: Graph, reachable: ReadonlySet<string>): ValidationProblem[] {
  return stronglyConnectedComponents(graph)
    .filter((component) => component.length > 1)
    .map((component) => toLoop(journey, component))
    .flatMap((loop) => [...waitlessLoopProblems(loop), ...closedLoopProblems(journey, graph, reachable, loop)]);
}

function graphProblems(journey: Journey): ValidationProblem[] {
  const graph = successors(journey);
  const reachable = reachableFromTrigger(journey, graph);
  // Nothing is reached without a trigger, which is reported once as no_trigger instead.
  const unreachable =
    reachable.size === 0
      ? []
      : [...journey.byId.values()]
          .filter((entry) => !reachable.has(entry.node.id))
          .map((entry) => nodeReporter(entry)('unreachable_node', '', 'no path leads here from the trigger'));
  return [...unreachable, ...loopProblems(journey, graph, reachable)];
}

// ---- entry point ------------------------------------------------------------------------------

function outgoingEdges(edges: readonly JourneyEdge[]): Map<string, Map<string, IndexedEdge[]>> {
  const outgoing = new Map<string, Map<string, IndexedEdge[]>>();
  edges.forEach((edge, index) => {
    const byHandle = outgoing.get(edge.source) ?? new Map<string, IndexedEdge[]>();
    outgoing.set(edge.source, byHandle);
    byHandle.set(edge.sourceHandle, [...(byHandle.get(edge.sourceHandle) ?? []), { edge, index }]);
  });
  return outgoing;
}

/**
 * Every problem of a journey document, each with the node or edge it concerns, a path into
 * the document and a plain message. Accepts any input and never throws.
 */
export function validateJourney(document: unknown, options: ValidationOptions = {}): ValidationProblem[] {
  const parsed = parseJourneyDocument(document);
  if (!parsed.ok) {
    return parsed.issues.map((issue) => ({
      code: 'invalid_document',
      message: issue.path ? `The document is invalid at ${issue.path}: ${issue.message}` : issue.message,
      path: issue.path,
      severity: 'error',
    }));
  }
  const read = parsed.document.nodes.map(readNode);
  const entries = read.map(({ entry }) => entry);
  const byId = new Map<string, NodeEntry>();
  for (const entry of entries) if (!byId.has(entry.node.id)) byId.set(entry.node.id, entry);
  const journey: Journey = {
    document: parsed.document,
    entries,
    byId,
    outgoing: outgoingEdges(parsed.document.edges),
  };
  const uniqueEntries = [...byId.values()];
  return [
    ...settingsProblems(parsed.document, options),
    ...duplicateIdProblems(journey),
    ...triggerCountProblems(journey),
    ...read.flatMap(({ entry, problems }) => [
      ...problems,
      ...(entry.typed ? typedNodeProblems(entry, entry.typed, options) : []),
    ]),
    ...parsed.document.edges.flatMap((edge, index) => edgeEndProblems(journey, { edge, index })),
    ...uniqueEntries.flatMap((entry) => handleProblems(journey, entry)),
    ...graphProblems(journey),
    ...goalShadowProblems(journey),
  ];
}
