import type { TemplateSummary } from '@journey/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { notifyError, notifySuccess } from '../ui/toasts';
import { templateKeys, templatesApi } from './templatesApi';

/** Asks before deleting a template; journeys created from it keep everything they were given. */
export function DeleteTemplateDialog({ template, onDone }: { template: TemplateSummary; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => templatesApi.remove(template.id),
    onSuccess: () => {
      notifySuccess(t('templates.deleted', { name: template.name }));
      void queryClient.invalidateQueries({ queryKey: templateKeys.all });
      onDone();
    },
    onError: (error) => notifyError(t('templates.deleteFailed', { name: template.name }), error),
  });
  return (
    <ConfirmDialog
      title={t('templates.deleteTitle', { name: template.name })}
      confirmLabel={t('templates.delete')}
      busy={remove.isPending}
      onConfirm={() => remove.mutate()}
      onCancel={onDone}
    >
      <p>{t('templates.deleteExplained')}</p>
    </ConfirmDialog>
  );
}
