import { JourneyViewTabs } from '../app/JourneyViewTabs';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { Brand } from '../ui/Brand';

/** The header of the monitor and experiments pages: home, title, the journey's views, language. */
export function MetricsPageHeader({ title, journeyId }: { title: string; journeyId: string | null }) {
  return (
    <header className="page-header">
      <Brand />
      <h1 className="page-title">{title}</h1>
      {journeyId !== null && <JourneyViewTabs journeyId={journeyId} />}
      <LanguageSwitch />
    </header>
  );
}
