import { useTranslation } from 'react-i18next';
import { ErrorDetails } from '../ui/ErrorDetails';
import { useDraftSaver, useSaveState } from './useDraftAutosave';

/** Above the canvas: why the draft is not being saved, in the server's words. */
export function EditorBanners({ archived }: { archived: boolean }) {
  const { t } = useTranslation();
  const saver = useDraftSaver();
  const { status, error } = useSaveState();
  if (archived) {
    return (
      <div className="banner info" role="status">
        {t('editor.archivedBanner')}
      </div>
    );
  }
  if (status !== 'failed') return null;
  return (
    <div className="banner error" role="alert">
      <div>
        <strong>{t('save.failedBanner')}</strong>
        <ErrorDetails error={error} />
      </div>
      <button type="button" className="secondary-button" onClick={() => void saver.flush()}>
        {t('common.retry')}
      </button>
    </div>
  );
}
