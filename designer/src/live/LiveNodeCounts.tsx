import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { formatCompact } from './format';
import { useLiveNodeCounts } from './liveMetricsStore';

/** A node card's live badges: customers waiting there now (if any), and all who entered. Nothing while live is off. */
function LiveNodeCountsView({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const counts = useLiveNodeCounts(nodeId);
  if (!counts) return null;
  return (
    <div className="live-node-counts" data-testid={`live-counts-${nodeId}`}>
      {counts.active > 0 && (
        <span className="live-count active" title={t('live.activeHint')}>
          {t('live.active', { value: formatCompact(counts.active, locale) })}
        </span>
      )}
      <span className="live-count" title={t('live.enteredHint')}>
        {t('live.entered', { value: formatCompact(counts.entered, locale) })}
      </span>
    </div>
  );
}

export const LiveNodeCounts = memo(LiveNodeCountsView);
