import {
  Background,
  BackgroundVariant,
  Controls,
  type EdgeTypes,
  type IsValidConnection,
  MiniMap,
  type NodeTypes,
  type OnConnect,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { carriesNodeType, draggedNodeType } from '../palette/dragData';
import { categoryOf } from '../store/catalogView';
import { canConnect } from '../store/documentOps';
import { type JourneyFlowNode, toFlowEdges, toFlowNodes } from '../store/flowElements';
import { useJourneyStore } from '../store/journeyStore';
import { JourneyEdge } from './JourneyEdge';
import { JourneyNodeCard } from './JourneyNodeCard';

/** How the whole journey is framed: at start, by "Fit view" and after auto-layout. Never enlarged past 100%. */
export const FIT_VIEW_OPTIONS = { padding: 0.06, maxZoom: 1 } as const;

const MULTI_SELECTION_KEYS = ['Shift', 'Control', 'Meta'];

// Defined once at module level: a new object on each render would make React Flow re-create every node.
const nodeTypes: NodeTypes = { journey: JourneyNodeCard };
const edgeTypes: EdgeTypes = { journey: JourneyEdge };

const minimapColors: Record<ReturnType<typeof categoryOf>, string> = {
  entry: '#2f855a',
  flow: '#2b6cb0',
  action: '#805ad5',
  exit: '#718096',
  unknown: '#c53030',
};
const minimapColor = (node: JourneyFlowNode) => minimapColors[categoryOf(node.data.node.type)];

const isValidConnection: IsValidConnection = (connection) =>
  canConnect(useJourneyStore.getState().document, connection);

function useFlowElements() {
  const nodes = useJourneyStore((state) => state.document.nodes);
  const edges = useJourneyStore((state) => state.document.edges);
  const selectedNodeIds = useJourneyStore((state) => state.selectedNodeIds);
  const selectedEdgeIds = useJourneyStore((state) => state.selectedEdgeIds);
  const measured = useJourneyStore((state) => state.measured);
  return {
    nodes: useMemo(() => toFlowNodes(nodes, selectedNodeIds, measured), [nodes, selectedNodeIds, measured]),
    edges: useMemo(() => toFlowEdges(edges, selectedEdgeIds), [edges, selectedEdgeIds]),
  };
}

/** The canvas of the journey being edited. */
export function JourneyCanvas() {
  const { t } = useTranslation();
  const { nodes, edges } = useFlowElements();
  const onNodesChange = useJourneyStore((state) => state.onNodesChange);
  const onEdgesChange = useJourneyStore((state) => state.onEdgesChange);
  const connect = useJourneyStore((state) => state.connect);
  const beginDrag = useJourneyStore((state) => state.beginDrag);
  const endDrag = useJourneyStore((state) => state.endDrag);
  const addNode = useJourneyStore((state) => state.addNode);
  const { screenToFlowPosition } = useReactFlow();

  const onConnect: OnConnect = useCallback((connection) => void connect(connection), [connect]);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!carriesNodeType(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = draggedNodeType(event.dataTransfer);
      if (!type) return;
      event.preventDefault();
      addNode(type, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [addNode, screenToFlowPosition],
  );

  return (
    <ReactFlow
      aria-label={t('canvas.label')}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      isValidConnection={isValidConnection}
      onNodeDragStart={beginDrag}
      onNodeDragStop={endDrag}
      onSelectionDragStart={beginDrag}
      onSelectionDragStop={endDrag}
      onDragOver={onDragOver}
      onDrop={onDrop}
      // Deleting goes through the editor's shortcut so nodes and their edges leave in one undo step.
      deleteKeyCode={null}
      // Shift+click adds to the selection as in most desktop tools (Shift+drag still draws a selection box).
      multiSelectionKeyCode={MULTI_SELECTION_KEYS}
      fitView
      fitViewOptions={FIT_VIEW_OPTIONS}
      minZoom={0.2}
      maxZoom={2}
    >
      <Background variant={BackgroundVariant.Dots} gap={18} size={1} color="#c5ccd6" />
      <MiniMap
        pannable
        zoomable
        nodeColor={minimapColor}
        nodeStrokeWidth={0}
        ariaLabel={t('canvas.minimap')}
        style={{ width: 150, height: 96 }}
      />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
