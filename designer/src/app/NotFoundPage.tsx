import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page-message">
      <h1>{t('notFound.title')}</h1>
      <Link href="/" className="secondary-button">
        {t('editor.backToList')}
      </Link>
    </div>
  );
}
