import { parseJourneyDocument } from '@journey/shared';
import { useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../api/http';
import { useLocale } from '../i18n';
import { useSimulationStore } from '../simulate/simulationStore';
import { useJourneyStore } from '../store/journeyStore';
import { ErrorDetails } from '../ui/ErrorDetails';
import { setServerProblems } from '../validation/serverProblems';
import { Editor } from './Editor';
import { useJourneyRecord } from './useJourneyRecord';

/** `/journeys/:id`: loads the journey's draft from the runtime into the editor. */
export function EditorPage({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const journey = useJourneyRecord(journeyId);
  const [openedId, setOpenedId] = useState<string>();
  const [unreadable, setUnreadable] = useState<unknown>();

  // The draft is read once, when no fetch of it is under way; later refetches and saves must not replace edits.
  const fresh = journey.isFetching ? undefined : journey.data;
  useLayoutEffect(() => {
    if (!fresh || openedId === fresh.id) return;
    const parsed = parseJourneyDocument(fresh.draft);
    if (!parsed.ok) {
      setUnreadable(new ApiError(422, t('editor.unreadable'), parsed.issues));
      return;
    }
    useJourneyStore.getState().load(parsed.document);
    useSimulationStore.getState().reset(locale);
    setServerProblems([]);
    setOpenedId(fresh.id);
  }, [fresh, openedId, locale, t]);

  const error = unreadable ?? journey.error;
  if (error) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <div className="page-message">
        <h1>{missing ? t('editor.notFound') : t('editor.loadFailed')}</h1>
        <ErrorDetails error={error} />
        <Link href="/" className="secondary-button">
          {t('editor.backToList')}
        </Link>
      </div>
    );
  }
  if (openedId !== journeyId) return <p className="page-message">{t('editor.loading')}</p>;
  return <Editor journeyId={journeyId} />;
}
