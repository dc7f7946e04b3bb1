import { Handle, type NodeProps, Position, useUpdateNodeInternals } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNodeSummary } from '../creatives/useCreatives';
import { useLocale } from '../i18n';
import { LiveNodeCounts } from '../live/LiveNodeCounts';
import { useSimulationMark } from '../simulate/simulationStore';
import { acceptsInput, categoryOf, displayName, outputsOf } from '../store/catalogView';
import type { JourneyFlowNode } from '../store/flowElements';
import { useNodeProblems } from '../validation/validation';
import { NodeIcon } from './NodeIcon';

/**
 * Adding or removing a branch or variant changes a node's handles, which React Flow measures only on mount
 * and resize. (Not on mount here: React Flow measures all new nodes together, and fits the view after that.)
 */
function useRemeasureWhenHandlesChange(nodeId: string, handleIds: string) {
  const updateNodeInternals = useUpdateNodeInternals();
  const measuredHandles = useRef(handleIds);
  useEffect(() => {
    if (measuredHandles.current === handleIds) return;
    measuredHandles.current = handleIds;
    updateNodeInternals(nodeId);
  }, [nodeId, handleIds, updateNodeInternals]);
}

function JourneyNodeCardView({ id, data: { node }, selected }: NodeProps<JourneyFlowNode>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const problems = useNodeProblems(id);
  const mark = useSimulationMark(id);
  const outputs = outputsOf(node);
  const typeName = displayName({ type: node.type }, locale);
  const summary = useNodeSummary(node, locale);

  useRemeasureWhenHandlesChange(id, outputs.map((handle) => handle.id).join('\n'));

  return (
    <div
      className={`journey-node category-${categoryOf(node.type)}${selected ? ' selected' : ''}${mark ? ` simulation-${mark}` : ''}`}
      data-testid={`node-${id}`}
    >
      {acceptsInput(node.type) && <Handle type="target" position={Position.Left} className="handle-input" />}
      <LiveNodeCounts nodeId={id} />
      <div className="journey-node-header">
        <NodeIcon type={node.type} />
        <div className="journey-node-titles">
          {node.label && <span className="journey-node-type">{typeName}</span>}
          <span className="journey-node-title">{displayName(node, locale)}</span>
        </div>
        {problems.count > 0 && (
          <span className={`problem-badge ${problems.severity}`} title={problems.firstMessage}>
            <span aria-hidden="true">{problems.count}</span>
            <span className="visually-hidden">
              {t('canvas.problemBadge', { count: problems.count, message: problems.firstMessage })}
            </span>
          </span>
        )}
      </div>
      <div className="journey-node-summary">{summary}</div>
      {mark === 'current' && <div className="simulation-pin">{t('simulate.customerHere')}</div>}
      {outputs.length > 0 && (
        <ul className="journey-node-outputs">
          {outputs.map((handle) => (
            <li key={handle.id} className={handle.optional ? 'optional' : undefined}>
              <span>{handle.label[locale]}</span>
              <Handle type="source" position={Position.Right} id={handle.id} className="handle-output" />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const JourneyNodeCard = memo(JourneyNodeCardView);
