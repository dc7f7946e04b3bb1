import type { JourneyDocument, JourneyMetrics } from '@journey/shared';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type JourneyRecord, journeyKeys, journeysApi } from '../api/journeys';
import { useJourneyRecord } from '../editor/useJourneyRecord';
import { useLocale } from '../i18n';
import { formatCount } from '../live/format';
import { useLiveJourney, useLiveMetricsStore } from '../live/liveMetricsStore';
import { metricsApi, metricsKeys } from '../live/metricsApi';
import { useNamedFunnel } from '../live/useNamedFunnel';
import { ErrorDetails } from '../ui/ErrorDetails';
import { FunnelChart } from './FunnelChart';
import { type Kpis, kpisOf } from './figures';
import { BenefitPoolTable, BranchLeaderboard, ChannelTable } from './JourneyTables';
import { type KpiTile, KpiTiles, useHeadlineTiles } from './KpiTiles';
import { MonitorCard, ReportState } from './MonitorCard';
import { MonitorLayout } from './MonitorLayout';
import { RoiSummary } from './RoiSummary';
import { TimeSeriesCard } from './TimeSeriesCard';

/** Reports that do not move with every event are fetched again this often. */
const REPORT_REFETCH_MS = 30_000;

/** `/journeys/:id/monitor`: one journey's live figures, for supervisors. */
export function JourneyMonitor({ journeyId, wall }: { journeyId: string; wall: boolean }) {
  const { t } = useTranslation();
  const record = useJourneyRecord(journeyId);
  useLiveJourney(journeyId, true);
  const metrics = useLiveMetricsStore((state) => state.metrics);
  const connection = useLiveMetricsStore((state) => state.connection);
  return (
    <MonitorLayout wall={wall} title={record.data?.name ?? journeyId} journeyId={journeyId} connection={connection}>
      {record.error ? (
        <ErrorDetails error={record.error} />
      ) : record.data && metrics ? (
        <JourneyBoard record={record.data} metrics={metrics} wall={wall} />
      ) : (
        <p className="monitor-empty">{t(connection.state === 'refused' ? 'monitor.unavailable' : 'live.waiting')}</p>
      )}
    </MonitorLayout>
  );
}

/** The document customers go through now: the live version's, else the draft's. */
function useCurrentDocument(record: JourneyRecord): JourneyDocument {
  const versions = useQuery({
    queryKey: journeyKeys.versions(record.id),
    queryFn: () => journeysApi.versions(record.id),
    enabled: record.liveVersion !== null,
  });
  return versions.data?.find((version) => version.version === record.liveVersion)?.document ?? record.draft;
}

function useJourneyTiles(kpis: Kpis): KpiTile[] {
  const { t } = useTranslation();
  const locale = useLocale();
  const count = (value: number) => formatCount(value, locale);
  return [
    ...useHeadlineTiles(kpis),
    {
      id: 'failedSkipped',
      label: t('monitor.kpi.failedSkipped'),
      value: `${count(kpis.failed)} / ${count(kpis.skipped)}`,
      detail: t('monitor.kpi.failedSkippedDetail'),
      ...(kpis.failed > 0 && { tone: 'bad' as const }),
    },
  ];
}

function JourneyBoard({ record, metrics, wall }: { record: JourneyRecord; metrics: JourneyMetrics; wall: boolean }) {
  const { t } = useTranslation();
  const journeyId = record.id;
  const kpis = useMemo(() => kpisOf(metrics), [metrics]);
  const tiles = useJourneyTiles(kpis);
  const funnel = useNamedFunnel(useCurrentDocument(record), metrics);
  const branches = useQuery({
    queryKey: metricsKeys.branches(journeyId),
    queryFn: () => metricsApi.branches(journeyId),
    refetchInterval: REPORT_REFETCH_MS,
  });
  const roi = useQuery({
    queryKey: metricsKeys.roi(journeyId),
    queryFn: () => metricsApi.roi(journeyId),
    refetchInterval: REPORT_REFETCH_MS,
  });
  return (
    <>
      <KpiTiles tiles={tiles} />
      <div className="monitor-grid journey">
        <MonitorCard area="funnel" title={t('monitor.funnel')}>
          <FunnelChart rows={funnel} dark={wall} />
        </MonitorCard>
        <TimeSeriesCard
          source={{
            queryKey: (window) => metricsKeys.timeSeries(journeyId, window),
            fetch: (range) => metricsApi.timeSeries(journeyId, range),
          }}
          live={kpis}
          wall={wall}
        />
        <MonitorCard area="channels" title={t('monitor.channels.title')}>
          <ChannelTable metrics={metrics} compact={wall} />
        </MonitorCard>
        <MonitorCard area="benefits" title={t('monitor.benefits.title')}>
          <BenefitPoolTable metrics={metrics} compact={wall} />
        </MonitorCard>
        <MonitorCard area="branches" title={t('monitor.branches.title')}>
          {branches.data ? (
            <BranchLeaderboard report={branches.data} limit={wall ? 8 : 10} />
          ) : (
            <ReportState error={branches.error} />
          )}
        </MonitorCard>
        <MonitorCard area="roi" title={t('monitor.roi.title')}>
          {roi.data ? <RoiSummary figures={roi.data.total} /> : <ReportState error={roi.error} />}
        </MonitorCard>
      </div>
    </>
  );
}
