import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { notifySuccess } from '../../ui/toasts';
import { type ApiKey, accessApi, accessKeys } from './accessApi';

interface RevokeKeyDialogProps {
  apiKey: ApiKey;
  /** The key the signed-in user's session was opened with: revoking it ends their session. */
  own: boolean;
  onClose(): void;
}

/** "Revoke the key of …?": it stops working at once, and cannot be brought back. */
export function RevokeKeyDialog({ apiKey, own, onClose }: RevokeKeyDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => accessApi.revokeKey(apiKey.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: accessKeys.keys });
      notifySuccess(t('settingsPage.access.revoked', { name: apiKey.name }));
      onClose();
    },
  });
  return (
    <ConfirmDialog
      title={t('settingsPage.access.revokeTitle', { name: apiKey.name })}
      confirmLabel={t('settingsPage.access.revoke')}
      busy={revoke.isPending}
      onCancel={onClose}
      onConfirm={() => revoke.mutate()}
    >
      {own && <p className="banner warning">{t('settingsPage.access.revokeOwn')}</p>}
      <p>{t('settingsPage.access.revokeQuestion', { name: apiKey.name })}</p>
      {revoke.isError && (
        <div className="banner error" role="alert">
          <div>
            <strong>{t('settingsPage.access.revokeFailed')}</strong>
            <ErrorDetails error={revoke.error} />
          </div>
        </div>
      )}
    </ConfirmDialog>
  );
}
