import type { RoiReportDto, SplitExperiment } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { type Column, FigureTable } from '../live/FigureTable';
import { formatCount, formatMoney, formatPercent, formatPoints, NO_FIGURE } from '../live/format';

/** A variant's cost, conversions and ROI from the ROI report. */
export type VariantRoi = RoiReportDto['splits'][number]['variants'][number];

type Row = SplitExperiment['variants'][number] & { costs: VariantRoi | undefined };

/** p-values to three decimals; smaller ones are only "below 0.001". */
const formatPValue = (pValue: number, locale: string) =>
  pValue < 0.001
    ? `<${(0.001).toLocaleString(locale)}`
    : pValue.toLocaleString(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** A split's variants: sample, conversion, lift over the control with its interval, p-values, progress, cost. */
interface ExperimentTableProps {
  split: SplitExperiment;
  costs: readonly VariantRoi[];
  /** Of the confidence intervals, e.g. 0.95. */
  confidenceLevel: number;
}

export function ExperimentTable({ split, costs, confidenceLevel }: ExperimentTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const planned = split.plannedSamplePerVariant;
  const rows: Row[] = split.variants.map((variant) => ({
    ...variant,
    costs: costs.find((cost) => cost.variant === variant.id),
  }));
  const points = (difference: number) => t('experiments.points', { value: formatPoints(difference, locale) });
  const columns: Column<Row>[] = [
    {
      id: 'variant',
      label: t('experiments.columns.variant'),
      value: (row) => (
        <>
          {row.label ?? row.id}
          {row.control && <span className="control-tag">{t('experiments.control')}</span>}
        </>
      ),
    },
    { id: 'n', label: t('experiments.columns.n'), value: (row) => formatCount(row.n, locale), numeric: true },
    {
      id: 'conversions',
      label: t('experiments.columns.conversions'),
      value: (row) => formatCount(row.conversions, locale),
      numeric: true,
    },
    {
      id: 'rate',
      label: t('experiments.columns.rate'),
      value: (row) => formatPercent(row.rate, locale, { digits: 2, fixed: true }),
      numeric: true,
    },
    {
      id: 'lift',
      label: t('experiments.columns.lift', { level: formatPercent(confidenceLevel, locale, { digits: 0 }) }),
      value: ({ comparison }) =>
        comparison ? (
          <>
            {points(comparison.absoluteLift)}
            <span className="interval">
              {t('experiments.interval', {
                low: formatPoints(comparison.confidenceInterval.low, locale),
                high: formatPoints(comparison.confidenceInterval.high, locale),
              })}
            </span>
          </>
        ) : (
          NO_FIGURE
        ),
      numeric: true,
    },
    {
      id: 'relativeLift',
      label: t('experiments.columns.relativeLift'),
      value: ({ comparison }) => formatPercent(comparison?.relativeLift ?? null, locale, { signed: true }),
      numeric: true,
    },
    {
      id: 'pValue',
      label: t('experiments.columns.pValue'),
      value: ({ comparison }) => (comparison ? formatPValue(comparison.pValue, locale) : NO_FIGURE),
      numeric: true,
    },
    {
      id: 'alwaysValid',
      label: t('experiments.columns.alwaysValidPValue'),
      value: ({ comparison }) => (comparison ? formatPValue(comparison.alwaysValidPValue, locale) : NO_FIGURE),
      numeric: true,
    },
    {
      id: 'progress',
      label: t('experiments.columns.progress'),
      value: (row) =>
        planned === null ? (
          NO_FIGURE
        ) : (
          <span className="sample-progress">
            <progress max={planned} value={Math.min(row.n, planned)} />
            {t('experiments.ofPlanned', { n: formatCount(row.n, locale), planned: formatCount(planned, locale) })}
          </span>
        ),
    },
    {
      id: 'costPerConversion',
      label: t('experiments.columns.costPerConversion'),
      value: (row) => formatMoney(row.costs?.costPerConversion ?? null, locale),
      numeric: true,
    },
    {
      id: 'roi',
      label: t('experiments.columns.roi'),
      value: (row) => formatPercent(row.costs?.roi ?? null, locale, { digits: 0 }),
      numeric: true,
    },
  ];
  return (
    <FigureTable
      label={t('experiments.table', { split: split.label ?? split.nodeId })}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      rowClassName={(row) => (row.control ? 'control' : undefined)}
      empty={t('experiments.noVariants')}
    />
  );
}
