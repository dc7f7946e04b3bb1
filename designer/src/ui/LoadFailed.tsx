import { useTranslation } from 'react-i18next';
import { ErrorDetails } from './ErrorDetails';

/** What could not be loaded and why, with a way to try again. */
export function LoadFailed({ title, error, retry }: { title: string; error: unknown; retry(): unknown }) {
  const { t } = useTranslation();
  return (
    <div className="banner error" role="alert">
      <div>
        <strong>{title}</strong>
        <ErrorDetails error={error} />
      </div>
      <button type="button" className="secondary-button" onClick={() => void retry()}>
        {t('common.retry')}
      </button>
    </div>
  );
}
