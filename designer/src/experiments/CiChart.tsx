import type { SplitExperiment } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { formatPercent, formatPoints } from '../live/format';

const ROW_HEIGHT = 34;
const LABEL_WIDTH = 170;
const PLOT_WIDTH = 420;
const AXIS_HEIGHT = 24;

/**
 * The confidence interval of each variant's lift over the control, against zero. The colour follows the
 * always-valid test, as the verdicts do: a fixed-sample interval clear of zero is no win while results are
 * still being watched.
 */
export function CiChart({ split, alpha }: { split: SplitExperiment; alpha: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const compared = split.variants.flatMap((variant) =>
    variant.comparison ? [{ name: variant.label ?? variant.id, ...variant.comparison }] : [],
  );
  if (compared.length === 0) return null;
  const reach = Math.max(
    0.01,
    ...compared.flatMap(({ confidenceInterval }) => [
      Math.abs(confidenceInterval.low),
      Math.abs(confidenceInterval.high),
    ]),
  );
  const x = (lift: number) => LABEL_WIDTH + ((lift + reach) / (2 * reach)) * PLOT_WIDTH;
  const height = compared.length * ROW_HEIGHT + AXIS_HEIGHT;
  const level = formatPercent(compared[0]?.confidenceInterval.level ?? null, locale, { digits: 0 });
  return (
    <figure className="ci-chart">
      <svg
        viewBox={`0 0 ${LABEL_WIDTH + PLOT_WIDTH + 60} ${height}`}
        role="img"
        aria-label={t('experiments.ciChart', { level })}
      >
        <line className="ci-zero" x1={x(0)} x2={x(0)} y1={0} y2={height - AXIS_HEIGHT} />
        {compared.map((row, index) => {
          const y = index * ROW_HEIGHT + ROW_HEIGHT / 2;
          const { low, high } = row.confidenceInterval;
          const decided = row.alwaysValidPValue < alpha;
          const tone = !decided ? 'unclear' : row.absoluteLift > 0 ? 'better' : 'worse';
          return (
            <g key={row.name} className={`ci-row ${tone}`}>
              <text x={LABEL_WIDTH - 12} y={y} className="ci-label">
                {row.name}
              </text>
              <line x1={x(low)} x2={x(high)} y1={y} y2={y} />
              <circle cx={x(row.absoluteLift)} cy={y} r={5} />
              <text x={x(high) + 8} y={y} className="ci-value">
                {formatPoints(row.absoluteLift, locale)}
              </text>
            </g>
          );
        })}
        {[-reach, 0, reach].map((tick) => (
          <text key={tick} x={x(tick)} y={height - 6} className="ci-tick">
            {formatPoints(tick, locale)}
          </text>
        ))}
      </svg>
      <figcaption>{t('experiments.ciCaption', { level })}</figcaption>
    </figure>
  );
}
