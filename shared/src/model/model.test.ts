import { describe, expect, it } from 'vitest';
import { journey } from '../../test/journeys';
import { canonicalJson, differsSemantically, diffJourneys } from './diff';
import { parseJourneyDocument } from './migrate';

const base = journey(
  [
    ['t', 'trigger', { kind: 'event', event: 'app_login' }],
    ['w', 'wait', { duration: 'P1D' }],
    ['x', 'exit', {}],
  ],
  [
    ['t', 'next', 'w'],
    ['w', 'next', 'x'],
  ],
);

describe('parseJourneyDocument', () => {
  it('accepts a current document', () => {
    expect(parseJourneyDocument(base)).toEqual({ ok: true, document: base });
  });

  it('names the field of every structural problem', () => {
    const result = parseJourneyDocument({ ...base, name: '', nodes: [{ ...base.nodes[0], position: { x: 'left' } }] });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((issue) => issue.path)).toEqual(['name', 'nodes.0.position.x', 'nodes.0.position.y']);
  });

  it('refuses documents from a newer release and non-objects, without throwing', () => {
    expect(parseJourneyDocument({ ...base, schemaVersion: 99 })).toMatchObject({
      ok: false,
      issues: [{ path: 'schemaVersion' }],
    });
    expect(parseJourneyDocument('journey')).toMatchObject({ ok: false, issues: [{ path: '' }] });
    expect(parseJourneyDocument(null)).toMatchObject({ ok: false });
  });
});

describe('semantic diff', () => {
  it('ignores layout: node positions and edge ids', () => {
    const moved = {
      ...base,
      nodes: base.nodes.map((node) => ({ ...node, position: { x: node.position.x + 50, y: 300 } })),
      edges: base.edges.map((edge, index) => ({ ...edge, id: `redrawn-${index}` })),
    };
    expect(diffJourneys(base, moved)).toEqual([]);
    expect(differsSemantically(base, moved)).toBe(false);
  });

  it('ignores key order inside configs', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }));
  });

  it('reports config, settings, added/removed nodes and rewired edges', () => {
    const changed = journey(
      [
        ['t', 'trigger', { kind: 'event', event: 'app_login' }],
        ['w', 'wait', { duration: 'P2D' }],
        ['m', 'message', { channel: 'sms', template: { body: 'hi' } }],
        ['x', 'exit', {}],
      ],
      [
        ['t', 'next', 'w'],
        ['w', 'next', 'm'],
        ['m', 'sent', 'x'],
      ],
      { reentry: 'always' },
    );
    expect(diffJourneys(base, changed)).toEqual([
      { kind: 'settings', field: 'reentry' },
      { kind: 'nodeChanged', nodeId: 'w', fields: ['config'] },
      { kind: 'nodeAdded', nodeId: 'm' },
      { kind: 'edgeRemoved', source: 'w', sourceHandle: 'next', target: 'x' },
      { kind: 'edgeAdded', source: 'w', sourceHandle: 'next', target: 'm' },
      { kind: 'edgeAdded', source: 'm', sourceHandle: 'sent', target: 'x' },
    ]);
  });
});
