import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PageHeader } from '../app/PageHeader';
import { usePermissions } from '../app/useCan';
import { settingsSections } from './sections';
import './settings.css';

/** `#/settings/:section`: what the bank sets up once and looks after: access, budgets, organisation, segments. */
export function SettingsPage({ sectionId }: { sectionId?: string }) {
  const { t } = useTranslation();
  const may = usePermissions();
  const sections = settingsSections.filter((section) => may(section.permission));
  const current = sections.find((section) => section.id === sectionId) ?? sections[0];
  const Section = current?.component;
  return (
    <div className="page">
      <PageHeader title={t('settingsPage.title')} />
      <div className="settings-layout">
        <nav className="settings-nav" aria-label={t('settingsPage.sectionsLabel')}>
          {sections.map((section) => (
            <Link
              key={section.id}
              href={`/settings/${section.id}`}
              aria-current={section === current ? 'page' : undefined}
            >
              {t(`settingsPage.sections.${section.title}`)}
            </Link>
          ))}
        </nav>
        <main className="settings-main">
          {Section ? <Section /> : <p className="empty-state">{t('settingsPage.nothingAllowed')}</p>}
        </main>
      </div>
    </div>
  );
}
