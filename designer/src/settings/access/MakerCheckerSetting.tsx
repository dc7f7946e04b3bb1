import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { notifySuccess } from '../../ui/toasts';
import { accessApi, accessKeys } from './accessApi';

/**
 * Whether publishing needs a second person's approval. Turning it off is confirmed first; when the runtime's
 * environment requires it (JOURNEY_MAKER_CHECKER=on) the switch stays on and says why.
 */
export function MakerCheckerSetting() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: accessKeys.settings, queryFn: accessApi.settings });
  const [confirmingOff, setConfirmingOff] = useState(false);
  const change = useMutation({
    mutationFn: accessApi.setMakerChecker,
    onSuccess: (next) => {
      queryClient.setQueryData(accessKeys.settings, next);
      setConfirmingOff(false);
      notifySuccess(
        next.makerChecker.enabled
          ? t('settingsPage.access.makerChecker.turnedOn')
          : t('settingsPage.access.makerChecker.turnedOff'),
      );
    },
  });
  const makerChecker = settings.data?.makerChecker;
  const titleId = useId();
  const enforcedId = useId();
  // Shown in the confirmation while it is open, else under the switch.
  const failure = change.isError && (
    <div className="banner error" role="alert">
      <div>
        <strong>{t('settingsPage.access.makerChecker.changeFailed')}</strong>
        <ErrorDetails error={change.error} />
      </div>
    </div>
  );

  return (
    <section className="access-maker-checker" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('settingsPage.access.makerChecker.title')}</h2>
      <p className="muted">{t('settingsPage.access.makerChecker.explained')}</p>
      {settings.isError ? (
        <div className="banner error" role="alert">
          <div>
            <strong>{t('settingsPage.access.makerChecker.loadFailed')}</strong>
            <ErrorDetails error={settings.error} />
          </div>
          <button type="button" className="secondary-button" onClick={() => void settings.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : (
        <>
          <label className="checkbox access-switch">
            <input
              type="checkbox"
              role="switch"
              checked={makerChecker?.enabled ?? false}
              aria-checked={makerChecker?.enabled ?? false}
              disabled={!makerChecker || makerChecker.enforced || change.isPending}
              aria-describedby={makerChecker?.enforced ? enforcedId : undefined}
              onChange={(event) => {
                change.reset();
                if (event.target.checked) change.mutate(true);
                else setConfirmingOff(true);
              }}
            />
            <span>{t('settingsPage.access.makerChecker.label')}</span>
          </label>
          {makerChecker?.enforced && (
            <p id={enforcedId} className="field-hint">
              {t('settingsPage.access.makerChecker.enforced')}
            </p>
          )}
        </>
      )}
      {!confirmingOff && failure}
      {confirmingOff && (
        <ConfirmDialog
          title={t('settingsPage.access.makerChecker.offTitle')}
          confirmLabel={t('settingsPage.access.makerChecker.turnOff')}
          busy={change.isPending}
          onCancel={() => {
            change.reset();
            setConfirmingOff(false);
          }}
          onConfirm={() => change.mutate(false)}
        >
          <p>{t('settingsPage.access.makerChecker.offQuestion')}</p>
          {failure}
        </ConfirmDialog>
      )}
    </section>
  );
}
