import type { JourneyDocument, JourneyNode } from '../model/document';
import type { TemplateParameter, TemplateParameterKind } from './template';

/** A parameter being gathered: places name where its value is used, for the label. */
interface Suggestion {
  kind: TemplateParameterKind;
  keyWords: string;
  what: string;
  places: string[];
  targets: string[];
}

const quoted = (node: JourneyNode) => `"${node.label ?? node.id}"`;

/** `"A"`, `"A" and "B"`, `"A", "B" and the goal`. */
function listed(places: readonly string[]): string {
  return places.length <= 1 ? (places[0] ?? '') : `${places.slice(0, -1).join(', ')} and ${places.at(-1)}`;
}

const LONGEST_LABEL = 200;

/** `Event of "A", "B" and the goal`, shortened to `Event of "A" and 2 more` (and cut) when too long for a label. */
function labelFor(what: string, places: readonly string[]): string {
  const full = `${what} ${listed(places)}`;
  const label =
    full.length <= LONGEST_LABEL || places.length === 1 ? full : `${what} ${places[0]} and ${places.length - 1} more`;
  return label.length <= LONGEST_LABEL ? label : `${label.slice(0, LONGEST_LABEL - 1)}…`;
}

/** camelCase of the words in `text`, always starting with a letter, as parameter keys must. */
function camelKey(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const key = words
    .map((word, index) => (index === 0 ? word.toLowerCase() : `${word[0]?.toUpperCase()}${word.slice(1)}`))
    .join('');
  return /^[A-Za-z]/.test(key) ? key : `p${key}`;
}

const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/**
 * Parameters worth asking for when saving a journey as a template: one per distinct event name (with every place it
 * is used), one per message text (title and body apart), one per distinct benefit pool, one per segment and one per
 * wait duration or time limit. Labels name the nodes by their labels, e.g. `Text of "Renewal offer SMS"`.
 */
export function suggestTemplateParameters(document: JourneyDocument): TemplateParameter[] {
  const suggestions: Suggestion[] = [];
  // Events, pools and segments are shared by every place that names the same one.
  const shared = new Map<string, Suggestion>();
  const add = (kind: TemplateParameterKind, value: string, what: string, place: string, target: string) => {
    const id = `${kind}\u0000${value}`;
    const existing = shared.get(id);
    if (existing) {
      existing.places.push(place);
      existing.targets.push(target);
      return;
    }
    const suggestion = { kind, keyWords: `${value} ${kind}`, what, places: [place], targets: [target] };
    shared.set(id, suggestion);
    suggestions.push(suggestion);
  };
  const addOwn = (kind: TemplateParameterKind, keyWords: string, what: string, place: string, target: string) =>
    suggestions.push({ kind, keyWords, what, places: [place], targets: [target] });

  for (const node of document.nodes) {
    const { config } = node;
    const at = (field: string) => `nodes.${node.id}.config.${field}`;
    const place = quoted(node);
    if ((node.type === 'trigger' || node.type === 'waitForEvent') && text(config.event)) {
      add('event', config.event, 'Event of', place, at('event'));
    }
    if (node.type === 'trigger' && text(config.segmentId)) {
      add('segment', config.segmentId, 'Segment of', place, at('segmentId'));
    }
    const audience = record(config.audience);
    if (node.type === 'trigger' && text(audience?.segmentId)) {
      add('segment', audience.segmentId, 'Audience segment of', place, at('audience.segmentId'));
    }
    if (node.type === 'waitForEvent' && text(config.within)) {
      addOwn('duration', `${node.id} within`, 'Time limit of', place, at('within'));
    }
    if (node.type === 'wait' && text(config.duration)) {
      addOwn('duration', `${node.id} duration`, 'Wait of', place, at('duration'));
    }
    const template = record(config.template);
    if (node.type === 'message' && text(template?.title)) {
      addOwn('text', `${node.id} title`, 'Title of', place, at('template.title'));
    }
    if (node.type === 'message' && text(template?.body)) {
      addOwn('text', `${node.id} text`, 'Text of', place, at('template.body'));
    }
    if (node.type === 'benefit' && text(config.poolId)) {
      add('benefitPool', config.poolId, 'Benefit pool of', place, at('poolId'));
    }
  }
  const { goal, exitWhen } = document.settings;
  if (goal && text(goal.event)) add('event', goal.event, 'Event of', 'the goal', 'settings.goal.event');
  if (goal && text(goal.within)) addOwn('duration', 'goal within', 'Time limit of', 'the goal', 'settings.goal.within');
  if (exitWhen && text(exitWhen.event)) {
    add('event', exitWhen.event, 'Event of', 'the exit rule', 'settings.exitWhen.event');
  }

  const keys = new Set<string>();
  return suggestions.map(({ kind, keyWords, what, places, targets }) => {
    const base = camelKey(keyWords);
    let key = base;
    for (let suffix = 2; keys.has(key); suffix++) key = `${base}${suffix}`;
    keys.add(key);
    return { key, label: labelFor(what, places), kind, targets };
  });
}
