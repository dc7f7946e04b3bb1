import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { formatCount, formatPercent } from '../live/format';
import type { Kpis } from './figures';

export interface KpiTile {
  id: string;
  label: string;
  value: string;
  /** A line under the number, e.g. what it counts. */
  detail?: string;
  tone?: 'good' | 'bad';
}

/** The headline numbers, one tile each. */
export function KpiTiles({ tiles }: { tiles: KpiTile[] }) {
  const { t } = useTranslation();
  return (
    <dl className="kpi-tiles" aria-label={t('monitor.kpi.label')}>
      {tiles.map((tile) => (
        <div key={tile.id} className={tile.tone ? `kpi-tile ${tile.tone}` : 'kpi-tile'} data-testid={`kpi-${tile.id}`}>
          <dt>{tile.label}</dt>
          <dd>
            <span className="kpi-value">{tile.value}</span>
            {tile.detail && <span className="kpi-detail">{tile.detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export type Headline = Pick<Kpis, 'entered' | 'active' | 'converted' | 'conversionRate' | 'messagesSent'>;

/** The tiles every monitor starts with, of one journey or of all of them. */
export function useHeadlineTiles(headline: Headline): KpiTile[] {
  const { t } = useTranslation();
  const locale = useLocale();
  const count = (value: number) => formatCount(value, locale);
  return [
    { id: 'entered', label: t('monitor.kpi.entered'), value: count(headline.entered) },
    { id: 'active', label: t('monitor.kpi.active'), value: count(headline.active) },
    { id: 'converted', label: t('monitor.kpi.converted'), value: count(headline.converted), tone: 'good' },
    {
      id: 'conversionRate',
      label: t('monitor.kpi.conversionRate'),
      value: formatPercent(headline.conversionRate, locale),
    },
    { id: 'messagesSent', label: t('monitor.kpi.messagesSent'), value: count(headline.messagesSent) },
  ];
}
