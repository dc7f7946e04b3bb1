import { useTranslation } from 'react-i18next';
import { useDraftSaver, useSaveState } from './useDraftAutosave';

/** "Saved · Saving… · Unsaved changes · Save failed (retry)", announced politely to screen readers. */
export function SaveIndicator({ archived }: { archived: boolean }) {
  const { t } = useTranslation();
  const saver = useDraftSaver();
  const { status } = useSaveState();
  if (archived) return <span className="save-indicator">{t('save.readOnly')}</span>;
  return (
    <span className={`save-indicator ${status}`} role="status">
      <span className="save-dot" aria-hidden="true" />
      {t(`save.${status}`)}
      {status === 'failed' && (
        <button type="button" className="link-button" onClick={() => void saver.flush()}>
          {t('common.retry')}
        </button>
      )}
    </span>
  );
}
