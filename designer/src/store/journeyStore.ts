import type { JourneyDocument, JourneySettings, NodeConfigs, NodeType } from '@journey/shared';
import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { type TemporalState, temporal } from 'zundo';
import { create } from 'zustand';
import {
  connect,
  createNode,
  extractFragment,
  type Fragment,
  insertFragment,
  moveNodes,
  type Point,
  removeElements,
  replaceNode,
} from './documentOps';
import { exampleJourney } from './exampleJourney';
import { type JourneyFlowEdge, type JourneyFlowNode, type NodeSize, toFlowEdges, toFlowNodes } from './flowElements';
import { layoutPositions } from './layout';

/** Undo steps kept. */
const HISTORY_LIMIT = 200;
/** Edits of one field closer together than this are one undo step: undo takes back a word, not a letter. */
const COALESCE_MS = 1000;
/** Where a paste lands relative to what was copied. */
const PASTE_OFFSET: Point = { x: 40, y: 40 };

export type NodeConfig = NodeConfigs[NodeType];
export type JourneyDetails = Partial<Pick<JourneyDocument, 'name' | 'description'>>;

export interface EditorState {
  /** The journey being edited, positions included: the only thing undo and redo track. */
  document: JourneyDocument;
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  /** Node sizes as React Flow measured them; it needs them back on every node it is given. */
  measured: Record<string, NodeSize>;
  clipboard: Fragment | null;
}

export interface EditorActions {
  /** Opens a document with an empty history. */
  load(document: JourneyDocument): void;
  onNodesChange(changes: NodeChange<JourneyFlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<JourneyFlowEdge>[]): void;
  /** A drag moves nodes on every mouse move; between these two calls they all make one undo step. */
  beginDrag(): void;
  endDrag(): void;
  /** Adds a node with its type's default config, selects it and returns its id. */
  addNode(type: NodeType, position: Point): string;
  updateNodeConfig(nodeId: string, config: NodeConfig): void;
  updateNodeLabel(nodeId: string, label: string): void;
  /** Draws an edge (replacing the one already leaving that handle); false when the connection is not allowed. */
  connect(connection: Connection): boolean;
  select(nodeIds: string[]): void;
  selectAll(): void;
  deleteSelected(): void;
  copySelected(): void;
  paste(): void;
  undo(): void;
  redo(): void;
  autoLayout(): Promise<void>;
  updateDetails(details: JourneyDetails): void;
  /** Merges `patch` into the settings; a key set to undefined is removed. */
  updateSettings(patch: Partial<JourneySettings>): void;
}

export type JourneyStore = EditorState & EditorActions;

/** What the undo history records: the document only, never selection, sizes or (later) live metrics. */
type HistoryState = Pick<EditorState, 'document'>;

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

/** Sizes from React Flow's nodes, keeping the previous objects where nothing changed. */
function mergeMeasured(previous: Record<string, NodeSize>, nodes: readonly JourneyFlowNode[]) {
  let result = previous;
  for (const node of nodes) {
    const width = node.measured?.width;
    const height = node.measured?.height;
    const known = previous[node.id];
    if (width === undefined || height === undefined || (known?.width === width && known.height === height)) continue;
    if (result === previous) result = { ...previous };
    result[node.id] = { width, height };
  }
  return result;
}

export const useJourneyStore = create<JourneyStore>()(
  temporal(
    (set, get) => {
      const history = (): TemporalState<HistoryState> => useJourneyStore.temporal.getState();
      let lastEdit: { key: string; at: number } | undefined;
      let dragOrigin: JourneyDocument | undefined;

      /** A discrete change (add, connect, delete…): always its own undo step. */
      const commit = (update: (document: JourneyDocument) => JourneyDocument, ui: Partial<EditorState> = {}) => {
        lastEdit = undefined;
        set((state) => ({ ...ui, document: update(state.document) }));
      };

      /** A field edit: further edits of the same `key` within COALESCE_MS join its undo step. */
      const edit = (key: string, update: (document: JourneyDocument) => JourneyDocument) => {
        const now = Date.now();
        const { isTracking, futureStates } = history();
        const joins = lastEdit?.key === key && now - lastEdit.at < COALESCE_MS && isTracking && !futureStates.length;
        lastEdit = { key, at: now };
        if (joins) history().pause();
        set((state) => ({ document: update(state.document) }));
        if (joins) history().resume();
      };

      return {
        document: exampleJourney,
        selectedNodeIds: [],
        selectedEdgeIds: [],
        measured: {},
        clipboard: null,

        load(document) {
          lastEdit = undefined;
          set({ document, selectedNodeIds: [], selectedEdgeIds: [], measured: {} });
          history().clear();
        },

        onNodesChange(changes) {
          const { document, selectedNodeIds, measured } = get();
          const next = applyNodeChanges(changes, toFlowNodes(document.nodes, selectedNodeIds, measured));
          const moved = moveNodes(document, new Map(next.map((node) => [node.id, node.position])));
          const selected = next.filter((node) => node.selected).map((node) => node.id);
          // Only a move is a change of its own: a node re-measured as its text grows must not end a burst of typing.
          if (moved !== document) lastEdit = undefined;
          set({
            document: moved,
            selectedNodeIds: sameIds(selected, selectedNodeIds) ? selectedNodeIds : selected,
            measured: mergeMeasured(measured, next),
          });
        },

        onEdgesChange(changes) {
          const { document, selectedEdgeIds } = get();
          const next = applyEdgeChanges(changes, toFlowEdges(document.edges, selectedEdgeIds));
          const selected = next.filter((edge) => edge.selected).map((edge) => edge.id);
          if (!sameIds(selected, selectedEdgeIds)) set({ selectedEdgeIds: selected });
        },

        beginDrag() {
          lastEdit = undefined;
          dragOrigin = get().document;
          history().pause();
        },

        endDrag() {
          const origin = dragOrigin;
          dragOrigin = undefined;
          history().resume();
          if (!origin || origin === get().document) return;
          // Record the document as it was before the drag, as zundo would have for a single change.
          useJourneyStore.temporal.setState(({ pastStates }) => ({
            pastStates: [...pastStates, { document: origin }].slice(-HISTORY_LIMIT),
            futureStates: [],
          }));
        },

        addNode(type, position) {
          const node = createNode(get().document, type, position);
          commit((document) => ({ ...document, nodes: [...document.nodes, node] }), {
            selectedNodeIds: [node.id],
            selectedEdgeIds: [],
          });
          return node.id;
        },

        updateNodeConfig(nodeId, config) {
          edit(`config:${nodeId}`, (document) => replaceNode(document, nodeId, (node) => ({ ...node, config })));
        },

        updateNodeLabel(nodeId, label) {
          edit(`label:${nodeId}`, (document) =>
            replaceNode(document, nodeId, ({ label: _previous, ...node }) => (label ? { ...node, label } : node)),
          );
        },

        connect(connection) {
          const before = get().document;
          commit((document) => connect(document, connection));
          return get().document !== before;
        },

        select(nodeIds) {
          set({ selectedNodeIds: nodeIds, selectedEdgeIds: [] });
        },

        selectAll() {
          const { nodes, edges } = get().document;
          set({ selectedNodeIds: nodes.map((node) => node.id), selectedEdgeIds: edges.map((edge) => edge.id) });
        },

        deleteSelected() {
          const { selectedNodeIds, selectedEdgeIds } = get();
          commit((document) => removeElements(document, new Set(selectedNodeIds), new Set(selectedEdgeIds)), {
            selectedNodeIds: [],
            selectedEdgeIds: [],
          });
        },

        copySelected() {
          const { document, selectedNodeIds } = get();
          if (selectedNodeIds.length > 0) set({ clipboard: extractFragment(document, new Set(selectedNodeIds)) });
        },

        paste() {
          const { clipboard } = get();
          if (!clipboard) return;
          const pasted = insertFragment(get().document, clipboard, PASTE_OFFSET);
          // The pasted copy becomes the clipboard, so pasting again cascades instead of stacking.
          commit(() => pasted.document, {
            selectedNodeIds: pasted.nodeIds,
            selectedEdgeIds: [],
            clipboard: extractFragment(pasted.document, new Set(pasted.nodeIds)),
          });
        },

        undo() {
          lastEdit = undefined;
          history().undo();
        },

        redo() {
          lastEdit = undefined;
          history().redo();
        },

        async autoLayout() {
          const positions = await layoutPositions(get().document, get().measured);
          commit((document) => moveNodes(document, positions));
        },

        updateDetails(details) {
          edit('details', (document) => ({ ...document, ...details }));
        },

        updateSettings(patch) {
          edit('settings', (document) => ({
            ...document,
            settings: withoutUndefined({ ...document.settings, ...patch }),
          }));
        },
      };
    },
    {
      partialize: ({ document }): HistoryState => ({ document }),
      equality: (past, current) => past.document === current.document,
      limit: HISTORY_LIMIT,
    },
  ),
);
