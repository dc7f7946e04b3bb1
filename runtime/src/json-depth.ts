/**
 * JSON nested deeper than this is refused. Journeys, profiles and events need a handful of levels; thousands
 * overflow the stack of recursive code further in (schema validation, JSON.stringify), which would be a 500.
 */
export const MAX_JSON_DEPTH = 64;

interface Frame {
  value: object;
  depth: number;
  key: string;
  parent: Frame | undefined;
}

function pathTo(frame: Frame): string[] {
  const path: string[] = [];
  for (let at: Frame | undefined = frame; at?.parent; at = at.parent) path.unshift(at.key);
  return path;
}

/**
 * The keys leading to the first object or array nested deeper than `maxDepth` (the top level counts as 1), or
 * undefined when there is none. Walks with its own stack, so no depth can overflow the call stack here.
 */
export function pathNestedTooDeep(value: unknown, maxDepth = MAX_JSON_DEPTH): string[] | undefined {
  const stack: Frame[] =
    typeof value === 'object' && value !== null ? [{ value, depth: 1, key: '', parent: undefined }] : [];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    if (frame.depth > maxDepth) return pathTo(frame);
    for (const key in frame.value) {
      const child: unknown = frame.value[key as keyof typeof frame.value];
      if (typeof child === 'object' && child !== null)
        stack.push({ value: child, depth: frame.depth + 1, key, parent: frame });
    }
  }
  return undefined;
}
