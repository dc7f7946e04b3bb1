import { applyGlobalDelta, type GlobalMetrics } from '@journey/shared';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { journeyKeys, journeysApi } from '../api/journeys';
import { useLocale } from '../i18n';
import { FigureTable } from '../live/FigureTable';
import { formatCount, formatPercent } from '../live/format';
import { type LiveConnection, watchTotals } from '../live/liveSocket';
import { metricsApi, metricsKeys } from '../live/metricsApi';
import { conversionRate } from './figures';
import { JourneyBarsChart } from './JourneyBarsChart';
import { KpiTiles, useHeadlineTiles } from './KpiTiles';
import { MonitorCard } from './MonitorCard';
import { MonitorLayout } from './MonitorLayout';
import { type SeriesSource, TimeSeriesCard } from './TimeSeriesCard';

/** The series of every journey summed, archived ones included, as the totals are. */
const allJourneysSeries: SeriesSource = {
  queryKey: metricsKeys.globalTimeSeries,
  fetch: metricsApi.globalTimeSeries,
};

/** The totals across journeys, live: a snapshot, then deltas folded in; each reconnect starts from a new snapshot. */
function useLiveTotals() {
  const [totals, setTotals] = useState<GlobalMetrics | null>(null);
  const [connection, setConnection] = useState<LiveConnection>({ state: 'connecting' });
  useEffect(
    () =>
      watchTotals({
        onSnapshot: setTotals,
        onDelta: (delta) => setTotals((current) => current && applyGlobalDelta(current, delta)),
        onConnection: setConnection,
      }),
    [],
  );
  return { totals, connection };
}

/** `/monitor`: every journey's figures added up (now and over time), and each journey's own, for the war room. */
export function TotalsMonitor({ wall }: { wall: boolean }) {
  const { t } = useTranslation();
  const { totals, connection } = useLiveTotals();
  return (
    <MonitorLayout wall={wall} title={t('monitor.allJourneys')} journeyId={null} connection={connection}>
      {totals ? (
        <TotalsBoard totals={totals} wall={wall} />
      ) : (
        <p className="monitor-empty">{t(connection.state === 'refused' ? 'monitor.unavailable' : 'live.waiting')}</p>
      )}
    </MonitorLayout>
  );
}

function TotalsBoard({ totals, wall }: { totals: GlobalMetrics; wall: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const journeys = useQuery({ queryKey: journeyKeys.list(), queryFn: journeysApi.list });
  const names = new Map(journeys.data?.map((journey) => [journey.id, journey.name]));
  const count = (value: number) => formatCount(value, locale);
  const rows = Object.entries(totals.journeys)
    .map(([journeyId, summary]) => ({ journeyId, name: names.get(journeyId) ?? journeyId, ...summary }))
    .sort((a, b) => b.entered - a.entered);
  const { totals: sum } = totals;
  const tiles = [
    ...useHeadlineTiles({ ...sum, conversionRate: conversionRate(sum) }),
    { id: 'benefitsGranted', label: t('monitor.kpi.benefitsGranted'), value: count(sum.benefitsGranted) },
  ];
  return (
    <>
      <KpiTiles tiles={tiles} />
      <div className="monitor-grid totals">
        <TimeSeriesCard source={allJourneysSeries} live={sum} wall={wall} />
        <MonitorCard area="chart" title={t('monitor.journeys.chart')}>
          <JourneyBarsChart bars={rows} dark={wall} />
        </MonitorCard>
        <MonitorCard area="journeys" title={t('monitor.journeys.title')}>
          <FigureTable
            label={t('monitor.journeys.title')}
            rows={rows}
            rowKey={(row) => row.journeyId}
            empty={t('monitor.journeys.none')}
            columns={[
              {
                id: 'name',
                label: t('monitor.journeys.name'),
                value: (row) => <Link href={`/journeys/${encodeURIComponent(row.journeyId)}/monitor`}>{row.name}</Link>,
              },
              { id: 'entered', label: t('monitor.kpi.entered'), value: (row) => count(row.entered), numeric: true },
              { id: 'active', label: t('monitor.kpi.active'), value: (row) => count(row.active), numeric: true },
              {
                id: 'converted',
                label: t('monitor.kpi.converted'),
                value: (row) => count(row.converted),
                numeric: true,
              },
              {
                id: 'rate',
                label: t('monitor.kpi.conversionRate'),
                value: (row) => formatPercent(conversionRate(row), locale),
                numeric: true,
              },
              {
                id: 'messages',
                label: t('monitor.kpi.messagesSent'),
                value: (row) => count(row.messagesSent),
                numeric: true,
              },
              {
                id: 'benefits',
                label: t('monitor.kpi.benefitsGranted'),
                value: (row) => count(row.benefitsGranted),
                numeric: true,
              },
            ]}
          />
        </MonitorCard>
      </div>
    </>
  );
}
