import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { journeyKeys, journeysApi } from '../api/journeys';
import { useResolvedDraft } from '../creatives/useCreatives';
import { useJourneyStore } from '../store/journeyStore';
import { ErrorDetails } from '../ui/ErrorDetails';
import { Modal } from '../ui/Modal';
import { notifySuccess } from '../ui/toasts';
import { serverProblemsOf, setServerProblems } from '../validation/serverProblems';
import { ChangeList, useChangeSentences } from './ChangeList';
import { useDraftSaver } from './useDraftAutosave';
import { useLoadedJourney } from './useJourneyRecord';

/**
 * Shows what publishing would change (the draft against the live version, layout aside) before doing it.
 * The draft is saved first: the runtime publishes the draft it has.
 */
export function PublishDialog({ journeyId, onClose }: { journeyId: string; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saver = useDraftSaver();
  const journey = useLoadedJourney(journeyId);
  const document = useJourneyStore((state) => state.document);
  const resolvedDraft = useResolvedDraft();
  const [saved, setSaved] = useState<boolean>();
  const versions = useQuery({
    queryKey: journeyKeys.versions(journeyId),
    queryFn: () => journeysApi.versions(journeyId),
  });

  useEffect(() => {
    void saver.flush().then(setSaved);
  }, [saver]);

  const publish = useMutation({
    mutationFn: () => journeysApi.publish(journeyId),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: journeyKeys.detail(journeyId) });
      void queryClient.invalidateQueries({ queryKey: journeyKeys.list() });
      notifySuccess(
        'approval' in result ? t('publish.submitted') : t('publish.published', { version: result.version.version }),
      );
      onClose();
    },
    onError: (error) => setServerProblems(serverProblemsOf(error, document)),
  });

  const live = versions.data?.find((version) => version.version === journey.liveVersion);
  const nextVersion = (versions.data?.at(-1)?.version ?? 0) + 1;
  // The live version holds its creatives' words; so does the draft once resolved, so only real changes show.
  const changes = useChangeSentences(live?.document, resolvedDraft);
  const ready = saved === true && versions.isSuccess;
  const nothingToPublish = ready && live !== undefined && changes.length === 0;

  const body = () => {
    if (saved === false) return <p className="banner error">{t('publish.saveFailed')}</p>;
    if (versions.isError) return <ErrorDetails error={versions.error} />;
    if (!ready) return <p className="muted">{t('publish.preparing')}</p>;
    if (nothingToPublish) return <p>{t('publish.noChanges', { version: live.version })}</p>;
    return (
      <>
        {live ? (
          <>
            <p>{t('publish.changesSince', { count: changes.length, version: live.version })}</p>
            <ChangeList sentences={changes} />
          </>
        ) : (
          <p>{t('publish.firstVersion')}</p>
        )}
        {journey.status === 'paused' && <p className="banner info">{t('publish.resumes')}</p>}
        {publish.isError && (
          <div className="banner error" role="alert">
            <strong>{t('publish.failed')}</strong>
            <ErrorDetails error={publish.error} />
          </div>
        )}
      </>
    );
  };

  return (
    <Modal
      title={nothingToPublish ? t('publish.upToDate') : t('publish.title', { version: nextVersion })}
      onClose={onClose}
      wide
      actions={
        <>
          <button type="button" className="secondary-button" onClick={onClose}>
            {nothingToPublish ? t('common.close') : t('common.cancel')}
          </button>
          {!nothingToPublish && (
            <button
              type="button"
              className="primary-button"
              disabled={!ready || publish.isPending}
              onClick={() => publish.mutate()}
            >
              {publish.isPending ? t('publish.publishing') : t('publish.confirm', { version: nextVersion })}
            </button>
          )}
        </>
      }
    >
      {body()}
    </Modal>
  );
}
