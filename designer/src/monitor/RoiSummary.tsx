import type { RoiFigures } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { formatMoney, formatPercent } from '../live/format';

/** What the journey cost against what it earned. */
export function RoiSummary({ figures }: { figures: RoiFigures }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const items = [
    { id: 'cost', value: formatMoney(figures.cost, locale) },
    { id: 'revenue', value: formatMoney(figures.revenue, locale) },
    { id: 'roi', value: formatPercent(figures.roi, locale, { digits: 0 }) },
    { id: 'costPerConversion', value: formatMoney(figures.costPerConversion, locale) },
  ] as const;
  return (
    <dl className="roi-summary">
      {items.map((item) => (
        <div key={item.id} className={item.id === 'roi' && figures.roi !== null && figures.roi < 0 ? 'bad' : undefined}>
          <dt>{t(`monitor.roi.${item.id}`)}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
