import {
  compileJourney,
  type HandleSpec,
  isNodeType,
  type JourneyDocument,
  type JourneyNode,
  nodeSpec,
  parseNodeConfig,
  validateJourney,
} from '@journey/shared';
import { describe, expect, it } from 'vitest';
import { loadSampleJourneys } from './journeys';

const samples = loadSampleJourneys();

/** The node's output handles per the catalog; none when its type or config is invalid (reported by another test). */
function outputsOf(node: JourneyNode): HandleSpec[] {
  if (!isNodeType(node.type)) return [];
  const parsed = parseNodeConfig(node.type, node.config);
  return parsed.ok ? nodeSpec(node.type).outputs(parsed.config) : [];
}

function targetsBySource(document: JourneyDocument): Map<string, string[]> {
  const targets = new Map<string, string[]>();
  for (const edge of document.edges) targets.set(edge.source, [...(targets.get(edge.source) ?? []), edge.target]);
  return targets;
}

/** Ids of the nodes that lie on a cycle or lead only into one (Kahn's algorithm leaves them unsorted). */
function nodesOnCycles(document: JourneyDocument): string[] {
  const incoming = new Map(document.nodes.map((node) => [node.id, 0]));
  for (const edge of document.edges) incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1);
  const targets = targetsBySource(document);
  const ready = [...incoming].filter(([, count]) => count === 0).map(([id]) => id);
  const sorted = new Set<string>();
  for (let id = ready.pop(); id !== undefined; id = ready.pop()) {
    sorted.add(id);
    for (const target of targets.get(id) ?? []) {
      const remaining = (incoming.get(target) ?? 0) - 1;
      incoming.set(target, remaining);
      if (remaining === 0) ready.push(target);
    }
  }
  return document.nodes.map((node) => node.id).filter((id) => !sorted.has(id));
}

describe('sample journeys', () => {
  it('are the five documented journeys', () => {
    expect(samples.map(({ file }) => file)).toEqual([
      'credit-card-welcome.json',
      'dormant-reactivation.json',
      'payroll-offer-ab.json',
      'term-deposit-telemarketing.json',
      'wealth-maturity.json',
    ]);
  });
});

describe.each(samples)('$file', ({ file, document }) => {
  const nodesById = new Map(document.nodes.map((node) => [node.id, node]));

  it('passes the validator without errors and compiles to a machine', () => {
    expect(validateJourney(document).filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(compileJourney(document).ok).toBe(true);
  });

  it('is named after its id and has a description, unique node ids and unique edge ids', () => {
    expect(file).toBe(`${document.id}.json`);
    expect(document.description?.trim()).toBeTruthy();
    expect(nodesById.size).toBe(document.nodes.length);
    expect(new Set(document.edges.map((edge) => edge.id)).size).toBe(document.edges.length);
  });

  it('gives every node a catalog type and a config that type accepts', () => {
    const problems = document.nodes.flatMap((node) => {
      if (!isNodeType(node.type)) return [`${node.id}: unknown node type "${node.type}"`];
      const parsed = parseNodeConfig(node.type, node.config);
      return parsed.ok ? [] : parsed.issues.map((issue) => `${node.id}: ${issue.path.join('.')} ${issue.message}`);
    });
    expect(problems).toEqual([]);
  });

  it('splits its traffic by weights that sum to 100', () => {
    const problems = document.nodes.flatMap((node) => {
      if (node.type !== 'split') return [];
      const parsed = parseNodeConfig('split', node.config);
      const total = parsed.ok ? parsed.config.variants.reduce((sum, variant) => sum + variant.weight, 0) : 0;
      return total === 100 ? [] : [`${node.id}: weights sum to ${total}`];
    });
    expect(problems).toEqual([]);
  });

  it('draws every edge from an output handle of its source to an existing node', () => {
    const problems = document.edges.flatMap((edge) => {
      const source = nodesById.get(edge.source);
      if (!source) return [`${edge.id}: unknown source ${edge.source}`];
      if (!nodesById.has(edge.target)) return [`${edge.id}: unknown target ${edge.target}`];
      const handles = outputsOf(source).map((handle) => handle.id);
      return handles.includes(edge.sourceHandle)
        ? []
        : [`${edge.id}: ${source.type} has no handle ${edge.sourceHandle}`];
    });
    expect(problems).toEqual([]);
  });

  it('connects every required output handle exactly once', () => {
    const problems = document.nodes.flatMap((node) =>
      outputsOf(node)
        .filter((handle) => !handle.optional)
        .flatMap((handle) => {
          const count = document.edges.filter(
            (edge) => edge.source === node.id && edge.sourceHandle === handle.id,
          ).length;
          return count === 1 ? [] : [`${node.id}.${handle.id}: ${count} edges`];
        }),
    );
    expect(problems).toEqual([]);
  });

  it('reaches every node from its single trigger', () => {
    const triggers = document.nodes.filter((node) => node.type === 'trigger');
    expect(triggers).toHaveLength(1);
    const targets = targetsBySource(document);
    const reached = new Set<string>();
    const pending = triggers.map((node) => node.id);
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      if (reached.has(id)) continue;
      reached.add(id);
      pending.push(...(targets.get(id) ?? []));
    }
    expect(document.nodes.map((node) => node.id).filter((id) => !reached.has(id))).toEqual([]);
  });

  it('ends every path at an exit node', () => {
    const targets = targetsBySource(document);
    const deadEnds = document.nodes.filter((node) => node.type !== 'exit' && !targets.has(node.id));
    expect(deadEnds.map((node) => node.id)).toEqual([]);
    expect(nodesOnCycles(document)).toEqual([]);
  });

  it('lays its nodes out left to right along the edges', () => {
    const backwards = document.edges.filter((edge) => {
      const source = nodesById.get(edge.source);
      const target = nodesById.get(edge.target);
      return source && target && target.position.x <= source.position.x;
    });
    expect(backwards.map((edge) => edge.id)).toEqual([]);
  });
});
