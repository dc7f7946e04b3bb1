import { channelLabels, channels, type JourneyMetrics, type Locale, type OrgMetricsDto } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { type Column, FigureTable } from '../live/FigureTable';
import { formatCount, formatPercent } from '../live/format';
import { branchLeaderboard } from './figures';

// The monitor's tables of one journey: channels, benefit pools, and the branch leaderboard.

const isChannel = (channel: string): channel is (typeof channels)[number] =>
  (channels as readonly string[]).includes(channel);

// The page shows every figure; the big screen (`compact`) the ones read from across the room.
const channelFigures = {
  all: ['queued', 'sent', 'deferred', 'skipped', 'failed', 'dead'],
  compact: ['sent', 'skipped', 'failed'],
} as const;
const benefitFigures = { all: ['granted', 'unavailable', 'remaining'], compact: ['granted', 'remaining'] } as const;

/** A numeric column per figure, headed by its label. */
function countColumns<Figure extends string>(
  figures: readonly Figure[],
  label: (figure: Figure) => string,
  locale: Locale,
): Column<Record<Figure, number>>[] {
  return figures.map((figure) => ({
    id: figure,
    label: label(figure),
    value: (row) => formatCount(row[figure], locale),
    numeric: true,
  }));
}

export function ChannelTable({ metrics, compact }: { metrics: JourneyMetrics; compact: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = Object.entries(metrics.channels).map(([channel, figures]) => ({ channel, ...figures }));
  const columns: Column<(typeof rows)[number]>[] = [
    {
      id: 'channel',
      label: t('monitor.channels.channel'),
      value: ({ channel }) => (isChannel(channel) ? channelLabels[channel][locale] : channel),
    },
    ...countColumns(channelFigures[compact ? 'compact' : 'all'], (figure) => t(`monitor.channels.${figure}`), locale),
  ];
  return (
    <FigureTable
      label={t('monitor.channels.title')}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.channel}
      empty={t('monitor.channels.none')}
    />
  );
}

export function BenefitPoolTable({ metrics, compact }: { metrics: JourneyMetrics; compact: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = Object.entries(metrics.benefits).map(([poolId, figures]) => ({ poolId, ...figures }));
  const columns: Column<(typeof rows)[number]>[] = [
    { id: 'pool', label: t('monitor.benefits.pool'), value: (row) => row.poolId },
    ...countColumns(benefitFigures[compact ? 'compact' : 'all'], (figure) => t(`monitor.benefits.${figure}`), locale),
  ];
  return (
    <FigureTable
      label={t('monitor.benefits.title')}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.poolId}
      empty={t('monitor.benefits.none')}
    />
  );
}

export function BranchLeaderboard({ report, limit }: { report: OrgMetricsDto; limit: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = branchLeaderboard(report)
    .slice(0, limit)
    .map((branch, index) => ({ ...branch, rank: index + 1 }));
  return (
    <FigureTable
      label={t('monitor.branches.title')}
      columns={[
        { id: 'rank', label: t('monitor.branches.rank'), value: (row) => row.rank, numeric: true },
        { id: 'branch', label: t('monitor.branches.branch'), value: (row) => row.name },
        {
          id: 'entered',
          label: t('monitor.branches.entered'),
          value: (row) => formatCount(row.entered, locale),
          numeric: true,
        },
        {
          id: 'converted',
          label: t('monitor.branches.converted'),
          value: (row) => formatCount(row.converted, locale),
          numeric: true,
        },
        {
          id: 'execution',
          label: t('monitor.branches.executionRate'),
          value: (row) => formatPercent(row.executionRate, locale, { digits: 0 }),
          numeric: true,
        },
        {
          id: 'success',
          label: t('monitor.branches.successRate'),
          value: (row) => formatPercent(row.successRate, locale, { digits: 0 }),
          numeric: true,
        },
      ]}
      rows={rows}
      rowKey={(row) => row.id}
      empty={t('monitor.branches.none')}
    />
  );
}
