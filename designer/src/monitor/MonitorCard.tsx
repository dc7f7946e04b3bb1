import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorDetails } from '../ui/ErrorDetails';

interface MonitorCardProps {
  title: string;
  /** Grid area of the card in the monitor's layout. */
  area: string;
  /** Controls beside the title, e.g. the time window. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled panel of the monitor. */
export function MonitorCard({ title, area, actions, children }: MonitorCardProps) {
  const titleId = useId();
  return (
    <section className={`monitor-card area-${area}`} aria-labelledby={titleId}>
      <header className="monitor-card-header">
        <h2 id={titleId}>{title}</h2>
        {actions}
      </header>
      <div className="monitor-card-body">{children}</div>
    </section>
  );
}

/** A card's report still loading, or why it failed. */
export function ReportState({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return error ? <ErrorDetails error={error} /> : <p className="monitor-empty">{t('monitor.loading')}</p>;
}
