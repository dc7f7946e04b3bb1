import type { JourneyDocument } from '../model/document';

/** Where a target path points: the object or array holding the value, and its key there. */
interface TargetLocation {
  container: Record<string, unknown> | unknown[];
  key: string | number;
}

export type TargetLookup = { ok: true; location: TargetLocation } | { ok: false; message: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Steps from `start` along `segments`, numeric segments indexing arrays; only own, existing keys are followed. */
function walk(start: unknown, segments: readonly string[], path: string): TargetLookup {
  let container = start;
  for (const [index, segment] of segments.entries()) {
    let key: string | number;
    if (Array.isArray(container)) {
      if (!/^\d+$/.test(segment) || Number(segment) >= container.length) {
        return { ok: false, message: `"${path}": "${segment}" is not an index of the list there` };
      }
      key = Number(segment);
    } else if (isRecord(container) && Object.hasOwn(container, segment)) {
      key = segment;
    } else {
      return { ok: false, message: `"${path}": the document has no "${segment}" there` };
    }
    if (index === segments.length - 1) return { ok: true, location: { container, key } };
    container = Array.isArray(container) ? container[key as number] : container[key];
  }
  return { ok: false, message: `"${path}" names no value` };
}

/**
 * Finds the value a dotted target path names in `document`: `nodes.<node id>.config…` or `nodes.<node id>.label`
 * (node ids contain no dots) or `settings…`. The layout, ids and edges are never parameters.
 */
export function locateTarget(document: JourneyDocument, path: string): TargetLookup {
  const [root, ...rest] = path.split('.');
  if (root === 'settings') return walk(document.settings, rest, path);
  if (root !== 'nodes') {
    return { ok: false, message: `"${path}": a target starts with "nodes.<node id>." or "settings."` };
  }
  const [nodeId, field, ...inner] = rest;
  const node = document.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) return { ok: false, message: `"${path}": the document has no node "${nodeId ?? ''}"` };
  if (field === 'label' && inner.length === 0) return walk(node, ['label'], path);
  if (field !== 'config' || inner.length === 0) {
    return { ok: false, message: `"${path}": a node target names a value inside its "config", or its "label"` };
  }
  return walk(node.config, inner, path);
}

export function readLocation({ container, key }: TargetLocation): unknown {
  return Array.isArray(container) ? container[key as number] : container[key];
}

export function writeLocation({ container, key }: TargetLocation, value: unknown): void {
  if (Array.isArray(container)) container[key as number] = value;
  else container[key] = value;
}
