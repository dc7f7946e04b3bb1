import {
  type HandleSpec,
  isNodeType,
  type JourneyNode,
  type Locale,
  type NodeCategory,
  nodeSpec,
} from '@journey/shared';

// A document may come from anywhere (an import, an older version), so a node whose config does not fit its
// type's schema must still render: these helpers fall back to nothing and leave the explanation to the validator.

/** The output handles of `node`, in catalog order. */
export function outputsOf(node: Pick<JourneyNode, 'type' | 'config'>): HandleSpec[] {
  if (!isNodeType(node.type)) return [];
  try {
    return nodeSpec(node.type).outputs(node.config);
  } catch {
    return [];
  }
}

/** The catalog's one-line summary of `node`, e.g. "Wait 2 days". */
export function summaryOf(node: Pick<JourneyNode, 'type' | 'config'>, locale: Locale): string {
  if (!isNodeType(node.type)) return '';
  try {
    return nodeSpec(node.type).summary(node.config, locale);
  } catch {
    return '';
  }
}

/** Whether edges may end at a node of `type` (every known type but the trigger). */
export function acceptsInput(type: string): boolean {
  return isNodeType(type) && nodeSpec(type).hasInput;
}

/** What the canvas calls a node: its own label, else its type's localized label. */
export function displayName(node: Pick<JourneyNode, 'type' | 'label'>, locale: Locale): string {
  if (node.label) return node.label;
  return isNodeType(node.type) ? nodeSpec(node.type).label[locale] : node.type;
}

/** The palette category of a node type; it also picks the node's accent colour. */
export function categoryOf(type: string): NodeCategory | 'unknown' {
  return isNodeType(type) ? nodeSpec(type).category : 'unknown';
}
