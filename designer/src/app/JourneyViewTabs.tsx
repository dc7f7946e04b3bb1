import { useTranslation } from 'react-i18next';
import { Link, useRoute } from 'wouter';

// The views of one journey; their routes are in App.
const views = [
  { view: 'design', suffix: '' },
  { view: 'monitor', suffix: '/monitor' },
  { view: 'experiments', suffix: '/experiments' },
] as const;

export function JourneyViewTabs({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  return (
    <nav className="view-tabs" aria-label={t('views.label')}>
      {views.map(({ view, suffix }) => (
        <ViewTab key={view} href={`/journeys/${encodeURIComponent(journeyId)}${suffix}`} label={t(`views.${view}`)} />
      ))}
    </nav>
  );
}

function ViewTab({ href, label }: { href: string; label: string }) {
  const [active] = useRoute(href);
  return (
    <Link href={href} className={`view-tab${active ? ' active' : ''}`} aria-current={active ? 'page' : undefined}>
      {label}
    </Link>
  );
}
