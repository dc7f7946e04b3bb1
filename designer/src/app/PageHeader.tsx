import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { Brand } from '../ui/Brand';
import { SignedInUser } from './SignedInUser';

/** The app's sections, each with the path it lives under. */
const sections = [
  { key: 'journeys', href: '/' },
  { key: 'creatives', href: '/creatives' },
  { key: 'monitor', href: '/monitor' },
  { key: 'tasks', href: '/tasks' },
  { key: 'settings', href: '/settings' },
] as const;

function isCurrent(href: string, location: string): boolean {
  return href === '/' ? location === '/' : location === href || location.startsWith(`${href}/`);
}

/** The header of the app's top-level pages: brand, the sections, who is signed in, the language. */
export function PageHeader({ title }: { title: string }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <header className="page-header">
      <Brand />
      <h1 className="visually-hidden">{title}</h1>
      <nav className="app-nav" aria-label={t('nav.label')}>
        {sections.map(({ key, href }) => (
          <Link key={key} href={href} aria-current={isCurrent(href, location) ? 'page' : undefined}>
            {t(`nav.${key}`)}
          </Link>
        ))}
      </nav>
      <span className="toolbar-spacer" />
      <SignedInUser />
      <LanguageSwitch />
    </header>
  );
}
