import { useTranslation } from 'react-i18next';
import { useJourneyRecord } from '../editor/useJourneyRecord';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { Brand } from '../ui/Brand';
import { JourneyViewTabs } from './JourneyViewTabs';

/** A journey view that is planned but not built yet (Monitor, Experiments), with the way back to the others. */
export function PlannedView({ journeyId, view }: { journeyId: string; view: 'monitor' | 'experiments' }) {
  const { t } = useTranslation();
  const name = useJourneyRecord(journeyId, (journey) => journey.name).data ?? journeyId;
  return (
    <div className="page">
      <header className="page-header">
        <Brand />
        <h1 className="page-title">{name}</h1>
        <JourneyViewTabs journeyId={journeyId} />
        <LanguageSwitch />
      </header>
      <main className="page-message">
        <h2>{t(`views.${view}`)}</h2>
        <p className="muted">{t('views.planned')}</p>
      </main>
    </div>
  );
}
