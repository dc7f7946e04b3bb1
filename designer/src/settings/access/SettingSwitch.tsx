import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { LoadFailed } from '../../ui/LoadFailed';
import { notifySuccess } from '../../ui/toasts';
import { accessApi, accessKeys, type SwitchName } from './accessApi';

/**
 * A runtime setting an admin switches on and off: maker-checker (publishing needs a second person's approval) or
 * creative approval (publishing sends only approved creative text). Turning one off is confirmed first; when the
 * runtime's environment requires it (JOURNEY_MAKER_CHECKER=on, JOURNEY_CREATIVE_APPROVAL=on) the switch stays on
 * and says why.
 */
export function SettingSwitch({ name }: { name: SwitchName }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: accessKeys.settings, queryFn: accessApi.settings });
  const [confirmingOff, setConfirmingOff] = useState(false);
  const change = useMutation({
    mutationFn: (enabled: boolean) => accessApi.setSwitch(name, enabled),
    onSuccess: (next) => {
      queryClient.setQueryData(accessKeys.settings, next);
      setConfirmingOff(false);
      notifySuccess(
        next[name].enabled ? t(`settingsPage.access.${name}.turnedOn`) : t(`settingsPage.access.${name}.turnedOff`),
      );
    },
  });
  const setting = settings.data?.[name];
  const titleId = useId();
  const enforcedId = useId();
  // Shown in the confirmation while it is open, else under the switch.
  const failure = change.isError && (
    <div className="banner error" role="alert">
      <div>
        <strong>{t(`settingsPage.access.${name}.changeFailed`)}</strong>
        <ErrorDetails error={change.error} />
      </div>
    </div>
  );

  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t(`settingsPage.access.${name}.title`)}</h2>
      <p className="muted">{t(`settingsPage.access.${name}.explained`)}</p>
      {settings.isError ? (
        <LoadFailed
          title={t(`settingsPage.access.${name}.loadFailed`)}
          error={settings.error}
          retry={settings.refetch}
        />
      ) : (
        <>
          <label className="checkbox access-switch">
            <input
              type="checkbox"
              role="switch"
              checked={setting?.enabled ?? false}
              aria-checked={setting?.enabled ?? false}
              disabled={!setting || setting.enforced || change.isPending}
              aria-describedby={setting?.enforced ? enforcedId : undefined}
              onChange={(event) => {
                change.reset();
                if (event.target.checked) change.mutate(true);
                else setConfirmingOff(true);
              }}
            />
            <span>{t(`settingsPage.access.${name}.label`)}</span>
          </label>
          {setting?.enforced && (
            <p id={enforcedId} className="field-hint">
              {t(`settingsPage.access.${name}.enforced`)}
            </p>
          )}
        </>
      )}
      {!confirmingOff && failure}
      {confirmingOff && (
        <ConfirmDialog
          title={t(`settingsPage.access.${name}.offTitle`)}
          confirmLabel={t(`settingsPage.access.${name}.turnOff`)}
          busy={change.isPending}
          onCancel={() => {
            change.reset();
            setConfirmingOff(false);
          }}
          onConfirm={() => change.mutate(false)}
        >
          <p>{t(`settingsPage.access.${name}.offQuestion`)}</p>
          {failure}
        </ConfirmDialog>
      )}
    </section>
  );
}
