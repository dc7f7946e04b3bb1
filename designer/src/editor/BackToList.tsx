import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useDraftSaver } from './useDraftAutosave';

/** "‹ Journeys": saves what is left first, and asks before leaving changes the server refused. */
export function BackToList() {
  const { t } = useTranslation();
  const saver = useDraftSaver();
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Link
        href="/"
        className="back-link"
        onClick={(event) => {
          event.preventDefault();
          void saver.flush().then((saved) => (saved ? navigate('/') : setConfirming(true)));
        }}
      >
        <span className="brand-mark" aria-hidden="true" />‹ {t('list.title')}
      </Link>
      {confirming && (
        <ConfirmDialog
          title={t('editor.leaveTitle')}
          confirmLabel={t('editor.leaveAnyway')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => navigate('/')}
        >
          <p>{t('editor.leaveExplained')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
