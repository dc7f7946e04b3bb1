import type { JourneyDocument, JourneyMetrics } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { formatCount, formatPercent } from './format';
import { useNamedFunnel } from './useNamedFunnel';

interface LiveFunnelProps {
  document: JourneyDocument;
  metrics: JourneyMetrics;
}

/** Entered per node along the main path, then the goal: a bar per step, as a share of those who entered. */
export function LiveFunnel({ document, metrics }: LiveFunnelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = useNamedFunnel(document, metrics);
  return (
    <ol className="live-funnel" aria-label={t('live.funnel')}>
      {rows.map((row) => (
        <li key={row.nodeId ?? 'goal'} className={row.nodeId === null ? 'goal' : undefined}>
          <span className="live-funnel-name" title={row.name}>
            {row.name}
          </span>
          <span className="live-funnel-count">{formatCount(row.count, locale)}</span>
          <span className="live-funnel-share">{formatPercent(row.share, locale)}</span>
          <span className="live-funnel-bar" aria-hidden="true">
            <span style={{ width: `${(row.share ?? 0) * 100}%` }} />
          </span>
        </li>
      ))}
    </ol>
  );
}
