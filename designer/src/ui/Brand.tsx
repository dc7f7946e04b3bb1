import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

/** The product mark; it leads home to the journeys list. */
export function Brand() {
  const { t } = useTranslation();
  return (
    <Link href="/" className="brand" title={t('list.title')}>
      <span className="brand-mark" aria-hidden="true" />
      <span className="brand-name">{t('app.name')}</span>
    </Link>
  );
}
