import type { JourneyDocument } from '@journey/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type JourneyRecord, journeyKeys, journeysApi, type LifecycleAction } from '../api/journeys';
import { ArchiveDialog } from '../app/ArchiveDialog';
import { useCan } from '../app/useCan';
import { useJourneyStore } from '../store/journeyStore';
import { SaveAsTemplateDialog } from '../templates/SaveAsTemplateDialog';
import { MenuButton } from '../ui/MenuButton';
import { notifyError, notifySuccess } from '../ui/toasts';
import { selectStatus, useLoadedJourney } from './useJourneyRecord';

/** Downloads the draft as a journey file, the same format "Import JSON" reads. */
function exportDraft(): void {
  const { document } = useJourneyStore.getState();
  const url = URL.createObjectURL(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }));
  const link = Object.assign(window.document.createElement('a'), { href: url, download: `${document.id}.json` });
  link.click();
  URL.revokeObjectURL(url);
}

/** Pause or resume a live journey; under "More", export the draft, save it as a template, archive (confirmed first). */
export function LifecycleActions({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useLoadedJourney(journeyId, selectStatus);
  const name = useJourneyStore((state) => state.document.name);
  const [confirmingArchive, setConfirmingArchive] = useState(false);
  const canEdit = useCan('journeys:edit');
  // The draft as it was when asked: edits behind the dialog do not change what is being saved.
  const [savingAsTemplate, setSavingAsTemplate] = useState<JourneyDocument>();
  const change = useMutation({
    mutationFn: (action: LifecycleAction) => journeysApi.lifecycle(journeyId, action),
    onSuccess: (journey: JourneyRecord, action) => {
      queryClient.setQueryData(journeyKeys.detail(journeyId), journey);
      void queryClient.invalidateQueries({ queryKey: journeyKeys.list() });
      setConfirmingArchive(false);
      notifySuccess(t(`lifecycle.done.${action}`, { name: journey.name }));
    },
    onError: (error, action) => notifyError(t(`lifecycle.failed.${action}`), error),
  });
  const archived = status === 'archived';
  return (
    <>
      {(status === 'live' || status === 'paused') && (
        <button
          type="button"
          disabled={change.isPending}
          title={t(status === 'live' ? 'lifecycle.pauseHint' : 'lifecycle.resumeHint')}
          onClick={() => change.mutate(status === 'live' ? 'pause' : 'resume')}
        >
          {t(status === 'live' ? 'lifecycle.pause' : 'lifecycle.resume')}
        </button>
      )}
      <MenuButton
        label={t('lifecycle.more')}
        items={[
          { label: t('lifecycle.export'), onSelect: exportDraft },
          ...(canEdit
            ? [
                {
                  label: t('templates.saveAsEllipsis'),
                  onSelect: () => setSavingAsTemplate(useJourneyStore.getState().document),
                },
              ]
            : []),
          ...(archived
            ? []
            : [{ label: t('lifecycle.archiveEllipsis'), onSelect: () => setConfirmingArchive(true), danger: true }]),
        ]}
      >
        ⋯
      </MenuButton>
      {savingAsTemplate && (
        <SaveAsTemplateDialog document={savingAsTemplate} onClose={() => setSavingAsTemplate(undefined)} />
      )}
      {confirmingArchive && (
        <ArchiveDialog
          name={name}
          busy={change.isPending}
          onCancel={() => setConfirmingArchive(false)}
          onConfirm={() => change.mutate('archive')}
        />
      )}
    </>
  );
}
