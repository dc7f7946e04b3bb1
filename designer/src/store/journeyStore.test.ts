import type { JourneyDocument } from '@journey/shared';
import type { NodeChange } from '@xyflow/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { smallJourney } from '../test/fixtures';
import type { JourneyFlowNode } from './flowElements';
import { useJourneyStore } from './journeyStore';

const store = () => useJourneyStore.getState();
const history = () => useJourneyStore.temporal.getState();
const node = (id: string) => store().document.nodes.find((candidate) => candidate.id === id);
const edgesFrom = (id: string) => store().document.edges.filter((edge) => edge.source === id);

/** The document without layout, to check that an operation moved nodes and changed nothing else. */
const withoutPositions = (document: JourneyDocument) => ({
  ...document,
  nodes: document.nodes.map(({ position: _position, ...rest }) => rest),
});

const move = (id: string, x: number, y: number, dragging: boolean): NodeChange<JourneyFlowNode> => ({
  type: 'position',
  id,
  position: { x, y },
  dragging,
});

beforeEach(() => store().load(smallJourney()));
afterEach(() => vi.useRealTimers());

describe('adding nodes', () => {
  it('uses the catalog default config and a fresh id, and selects the new node', () => {
    const first = store().addNode('wait', { x: 10, y: 20 });
    const second = store().addNode('wait', { x: 30, y: 40 });
    expect(first).not.toBe(second);
    expect(node(first)).toEqual({ id: first, type: 'wait', position: { x: 10, y: 20 }, config: { duration: 'P1D' } });
    expect(store().selectedNodeIds).toEqual([second]);
  });
});

describe('connecting', () => {
  it('accepts an output handle of the source to a node with an input', () => {
    const added = store().addNode('exit', { x: 0, y: 200 });
    expect(store().connect({ source: 'hello', sourceHandle: 'failed', target: added, targetHandle: null })).toBe(true);
    expect(edgesFrom('hello').map((edge) => [edge.sourceHandle, edge.target])).toEqual([
      ['sent', 'done'],
      ['failed', added],
    ]);
  });

  it.each([
    ['an unknown handle', { source: 'pause', sourceHandle: 'nope', target: 'done' }],
    ['a missing handle', { source: 'pause', sourceHandle: null, target: 'done' }],
    ['into the trigger', { source: 'done', sourceHandle: 'next', target: 'start' }],
    ['into the trigger from a real handle', { source: 'pause', sourceHandle: 'next', target: 'start' }],
    ['a self loop', { source: 'pause', sourceHandle: 'next', target: 'pause' }],
    ['from a node that does not exist', { source: 'ghost', sourceHandle: 'next', target: 'done' }],
  ])('refuses %s', (_name, connection) => {
    const before = store().document;
    expect(store().connect({ ...connection, targetHandle: null })).toBe(false);
    expect(store().document).toBe(before);
    expect(history().pastStates).toHaveLength(0);
  });

  it('replaces the edge already leaving the same handle', () => {
    expect(store().connect({ source: 'ab', sourceHandle: 'B', target: 'hello', targetHandle: null })).toBe(true);
    expect(edgesFrom('ab').map((edge) => [edge.sourceHandle, edge.target])).toEqual([
      ['A', 'hello'],
      ['B', 'hello'],
    ]);
    expect(store().document.edges).toHaveLength(5);
  });
});

describe('deleting', () => {
  it('removes the selected nodes with their edges, and the selected edges, in one undo step', () => {
    store().onEdgesChange([{ type: 'select', id: 'e1', selected: true }]);
    store().onNodesChange([{ type: 'select', id: 'hello', selected: true }]);
    store().deleteSelected();
    expect(node('hello')).toBeUndefined();
    expect(store().document.edges.map((edge) => edge.id)).toEqual(['e2', 'e4']);
    expect(history().pastStates).toHaveLength(1);
    store().undo();
    expect(store().document).toEqual(smallJourney());
  });
});

describe('undo and redo', () => {
  it('steps back and forth through document changes, but not through selection', () => {
    store().select(['pause']);
    store().updateNodeConfig('pause', { duration: 'PT2H' });
    store().select([]);
    store().addNode('exit', { x: 0, y: 0 });
    expect(history().pastStates).toHaveLength(2);
    store().undo();
    expect(store().document.nodes).toHaveLength(5);
    store().undo();
    expect(node('pause')?.config).toEqual({ duration: 'P1D' });
    store().redo();
    expect(node('pause')?.config).toEqual({ duration: 'PT2H' });
  });

  it('records one step per drag, however many moves it makes', () => {
    store().beginDrag();
    for (let x = 301; x <= 340; x++) store().onNodesChange([move('pause', x, 5, true)]);
    store().onNodesChange([move('pause', 350, 5, false)]);
    store().endDrag();
    expect(node('pause')?.position).toEqual({ x: 350, y: 5 });
    expect(history().pastStates).toHaveLength(1);
    store().undo();
    expect(node('pause')?.position).toEqual({ x: 300, y: 0 });
  });

  it('records nothing for a click that starts no movement', () => {
    store().beginDrag();
    store().endDrag();
    expect(history().pastStates).toHaveLength(0);
  });

  it('makes one step of a burst of typing in one field, and a new step after a pause', () => {
    vi.useFakeTimers();
    for (const label of ['W', 'We', 'Wel']) store().updateNodeLabel('hello', label);
    // The card grows as its label does; being re-measured must not split the burst.
    store().onNodesChange([{ type: 'dimensions', id: 'hello', dimensions: { width: 200, height: 120 } }]);
    store().updateNodeLabel('hello', 'Welcome');
    expect(history().pastStates).toHaveLength(1);
    vi.advanceTimersByTime(2000);
    store().updateNodeLabel('hello', 'Welcome!');
    expect(history().pastStates).toHaveLength(2);
    store().undo();
    expect(node('hello')?.label).toBe('Welcome');
    store().undo();
    expect(node('hello')?.label).toBeUndefined();
  });

  it('keeps selection and measured sizes out of the history', () => {
    store().onNodesChange([
      { type: 'select', id: 'pause', selected: true },
      { type: 'dimensions', id: 'pause', dimensions: { width: 200, height: 90 } },
    ]);
    expect(store().measured.pause).toEqual({ width: 200, height: 90 });
    expect(history().pastStates).toHaveLength(0);
  });
});

describe('copy and paste', () => {
  it('pastes the selected nodes and the edges among them with new ids, offset', () => {
    store().select(['pause', 'ab']);
    store().copySelected();
    store().paste();
    const pasted = store().selectedNodeIds;
    expect(pasted).toHaveLength(2);
    expect(pasted.some((id) => ['pause', 'ab'].includes(id))).toBe(false);
    const [wait, split] = pasted.map((id) => node(id));
    expect(wait).toMatchObject({ type: 'wait', position: { x: 340, y: 40 }, config: { duration: 'P1D' } });
    expect(split?.type).toBe('split');
    const copiedEdges = store().document.edges.filter((edge) => pasted.includes(edge.source));
    expect(copiedEdges).toHaveLength(1);
    expect(copiedEdges[0]).toMatchObject({ source: wait?.id, sourceHandle: 'next', target: split?.id });
    expect(smallJourney().edges.map((edge) => edge.id)).not.toContain(copiedEdges[0]?.id);
  });

  it('cascades repeated pastes', () => {
    store().select(['pause']);
    store().copySelected();
    store().paste();
    store().paste();
    expect(node(store().selectedNodeIds[0] ?? '')?.position).toEqual({ x: 380, y: 80 });
  });
});

describe('auto-layout', () => {
  it('changes positions and nothing else, as one undo step', async () => {
    const before = store().document;
    await store().autoLayout();
    const after = store().document;
    expect(withoutPositions(after)).toEqual(withoutPositions(before));
    expect(after.nodes.map((n) => n.position)).not.toEqual(before.nodes.map((n) => n.position));
    expect(history().pastStates).toHaveLength(1);
    // Left to right: every edge points rightwards.
    for (const edge of after.edges) {
      const source = after.nodes.find((n) => n.id === edge.source);
      const target = after.nodes.find((n) => n.id === edge.target);
      expect(target?.position.x).toBeGreaterThan(source?.position.x ?? Number.POSITIVE_INFINITY);
    }
  });
});

describe('editing configs and settings', () => {
  it('drops edges from handles that a config change removed', () => {
    store().updateNodeConfig('ab', {
      variants: [
        { id: 'A', weight: 50 },
        { id: 'C', weight: 50 },
      ],
    });
    expect(edgesFrom('ab').map((edge) => edge.sourceHandle)).toEqual(['A']);
  });

  it('removes a setting set to undefined', () => {
    store().updateSettings({ quietHours: { start: '21:00', end: '08:00' } });
    expect(store().document.settings.quietHours).toEqual({ start: '21:00', end: '08:00' });
    store().updateSettings({ quietHours: undefined });
    expect(Object.keys(store().document.settings)).toEqual(['reentry', 'timezone']);
  });
});
