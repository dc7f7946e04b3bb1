import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../ui/ConfirmDialog';

/** Archiving cannot be undone, so it is confirmed with what it means. */
export function ArchiveDialog({
  name,
  busy,
  onConfirm,
  onCancel,
}: {
  name: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('lifecycle.archiveTitle', { name })}
      confirmLabel={t('lifecycle.archive')}
      busy={busy}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      <p>{t('lifecycle.archiveExplained')}</p>
    </ConfirmDialog>
  );
}
