import { EdgeLabelRenderer } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { formatCompact, formatCount } from './format';
import { useLiveEdgeCount } from './liveMetricsStore';

interface LiveEdgeCountProps {
  edgeId: string;
  /** The middle of the edge, in flow coordinates. */
  x: number;
  y: number;
}

/** How many customers went along an edge, on its middle. Nothing while live is off. */
function LiveEdgeCountView({ edgeId, x, y }: LiveEdgeCountProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const count = useLiveEdgeCount(edgeId);
  if (count === undefined) return null;
  return (
    <EdgeLabelRenderer>
      <div
        className={count > 0 ? 'live-edge-count busy' : 'live-edge-count'}
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
        title={t('live.traversals', { value: formatCount(count, locale) })}
      >
        {formatCompact(count, locale)}
      </div>
    </EdgeLabelRenderer>
  );
}

export const LiveEdgeCount = memo(LiveEdgeCountView);
