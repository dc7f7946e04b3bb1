import type { ExperimentsReport, RoiReportDto, SplitExperiment } from '@journey/shared';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useJourneyRecord } from '../editor/useJourneyRecord';
import { useLocale } from '../i18n';
import { formatCount, formatPercent } from '../live/format';
import { MetricsPageHeader } from '../live/MetricsPageHeader';
import { metricsApi, metricsKeys } from '../live/metricsApi';
import { ErrorDetails } from '../ui/ErrorDetails';
import { CiChart } from './CiChart';
import { ExperimentTable, type VariantRoi } from './ExperimentTable';
import { VerdictList } from './VerdictList';
import { splitVerdicts } from './verdict';
import './experiments.css';

/** Results move with every customer; strategists read them, so every half minute is fresh enough. */
const REFETCH_MS = 30_000;

/** `/journeys/:id/experiments`: each split node's variants compared with the control, for strategists. */
export function ExperimentsPage({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const name = useJourneyRecord(journeyId, (journey) => journey.name).data ?? journeyId;
  const report = useQuery({
    queryKey: metricsKeys.experiments(journeyId),
    queryFn: () => metricsApi.experiments(journeyId),
    refetchInterval: REFETCH_MS,
  });
  const roi = useQuery({
    queryKey: metricsKeys.roi(journeyId),
    queryFn: () => metricsApi.roi(journeyId),
    refetchInterval: REFETCH_MS,
  });
  return (
    <div className="page">
      <MetricsPageHeader title={name} journeyId={journeyId} />
      <main className="page-body experiments">
        {report.data ? (
          <ExperimentsReportView report={report.data} roi={roi.data} />
        ) : report.error ? (
          <ErrorDetails error={report.error} />
        ) : (
          <p className="muted">{t('experiments.loading')}</p>
        )}
      </main>
    </div>
  );
}

function ExperimentsReportView({ report, roi }: { report: ExperimentsReport; roi: RoiReportDto | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (report.splits.length === 0) return <p className="muted">{t('experiments.none')}</p>;
  return (
    <>
      {report.splits.map((split) => (
        <SplitSection
          key={split.nodeId}
          split={split}
          method={report.method}
          costs={roi?.splits.find((costs) => costs.nodeId === split.nodeId)?.variants ?? []}
        />
      ))}
      <p className="method-note">
        {t('experiments.method', { level: formatPercent(report.method.confidenceLevel, locale, { digits: 0 }) })}
      </p>
    </>
  );
}

interface SplitSectionProps {
  split: SplitExperiment;
  method: ExperimentsReport['method'];
  costs: readonly VariantRoi[];
}

function SplitSection({ split, method, costs }: SplitSectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const titleId = useId();
  const planned = split.plannedSamplePerVariant;
  return (
    <section className="experiment" aria-labelledby={titleId}>
      <header className="experiment-header">
        <h2 id={titleId}>{split.label ?? split.nodeId}</h2>
        <span className="muted">
          {planned === null
            ? t('experiments.noPlan')
            : t('experiments.plan', { planned: formatCount(planned, locale) })}
        </span>
      </header>
      <VerdictList verdicts={splitVerdicts(split, method, costs)} />
      <ExperimentTable split={split} costs={costs} confidenceLevel={method.confidenceLevel} />
      <CiChart split={split} alpha={1 - method.confidenceLevel} />
    </section>
  );
}
