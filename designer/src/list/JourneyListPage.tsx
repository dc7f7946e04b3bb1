import type { DocumentIssue, JourneyDocument } from '@journey/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { type JourneyRecord, journeyKeys, journeysApi } from '../api/journeys';
import { ArchiveDialog } from '../app/ArchiveDialog';
import { PageHeader } from '../app/PageHeader';
import { useLocale } from '../i18n';
import { IssueList } from '../ui/ErrorDetails';
import { formatDateTime, formatRelative } from '../ui/format';
import { LoadFailed } from '../ui/LoadFailed';
import { Modal } from '../ui/Modal';
import { SearchInput } from '../ui/SearchInput';
import { StatusBadge } from '../ui/StatusBadge';
import { notifyError, notifySuccess } from '../ui/toasts';
import { JourneyCounts } from './JourneyCounts';
import { NewJourneyDialog } from './NewJourneyDialog';
import { copyOf, importJourney } from './newJourneys';

function matches(journey: JourneyRecord, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  return !needle || journey.name.toLocaleLowerCase().includes(needle) || journey.id.includes(needle);
}

/** The home page: every journey with its status and numbers; create, import, duplicate, archive. */
export function JourneyListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [archiving, setArchiving] = useState<JourneyRecord>();
  const [importIssues, setImportIssues] = useState<{ file: string; issues: DocumentIssue[] }>();
  const fileInput = useRef<HTMLInputElement>(null);

  const journeys = useQuery({ queryKey: journeyKeys.list(), queryFn: journeysApi.list });
  const takenIds = useMemo(() => new Set((journeys.data ?? []).map((journey) => journey.id)), [journeys.data]);
  const shown = (journeys.data ?? []).filter((journey) => matches(journey, search));
  const refreshList = () => queryClient.invalidateQueries({ queryKey: journeyKeys.list() });

  const create = useMutation({ mutationFn: journeysApi.create, onSuccess: () => void refreshList() });
  const archive = useMutation({
    mutationFn: (journey: JourneyRecord) => journeysApi.lifecycle(journey.id, 'archive'),
    onSuccess: (journey) => {
      setArchiving(undefined);
      notifySuccess(t('lifecycle.done.archive', { name: journey.name }));
      void refreshList();
    },
    onError: (error) => notifyError(t('lifecycle.failed.archive'), error),
  });

  const openCreated = (journey: JourneyRecord, success: string) => {
    notifySuccess(success);
    navigate(`/journeys/${encodeURIComponent(journey.id)}`);
  };

  const createAndOpen = (document: JourneyDocument, success: string) =>
    create.mutate(document, {
      onSuccess: (journey) => openCreated(journey, success),
      onError: (error) => notifyError(t('list.createFailed'), error),
    });

  const duplicate = (journey: JourneyRecord) =>
    create.mutate(copyOf(journey.draft, t('list.copyName', { name: journey.name }), takenIds), {
      onSuccess: (copy) => notifySuccess(t('list.duplicated', { name: copy.name })),
      onError: (error) => notifyError(t('list.duplicateFailed'), error),
    });

  const onImportFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again must fire again
    if (!file) return;
    const imported = importJourney(await file.text(), takenIds);
    if (!imported.ok) {
      setImportIssues({ file: file.name, issues: imported.issues });
      return;
    }
    const { document, renamed } = imported;
    createAndOpen(
      document,
      renamed
        ? t('list.importedAs', { name: document.name, id: document.id })
        : t('list.imported', { name: document.name }),
    );
  };

  return (
    <div className="page">
      <PageHeader title={t('list.title')} />
      <main className="page-body">
        <div className="list-toolbar">
          <SearchInput label={t('list.search')} value={search} onChange={setSearch} />
          <span className="toolbar-spacer" />
          <button type="button" className="secondary-button" onClick={() => fileInput.current?.click()}>
            {t('list.import')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            onChange={(event) => void onImportFile(event)}
          />
          <button type="button" className="primary-button" onClick={() => setCreating(true)}>
            {t('list.new')}
          </button>
        </div>

        {journeys.isPending ? (
          <p className="empty-state">{t('list.loading')}</p>
        ) : journeys.isError ? (
          <LoadFailed title={t('list.loadFailed')} error={journeys.error} retry={journeys.refetch} />
        ) : shown.length === 0 ? (
          <p className="empty-state">{search ? t('list.noMatch', { search }) : t('list.empty')}</p>
        ) : (
          <table className="journey-table">
            <thead>
              <tr>
                <th scope="col">{t('list.columns.name')}</th>
                <th scope="col">{t('list.columns.status')}</th>
                <th scope="col">{t('list.columns.version')}</th>
                <th scope="col" className="number">
                  {t('list.columns.entered')}
                </th>
                <th scope="col" className="number">
                  {t('list.columns.active')}
                </th>
                <th scope="col">{t('list.columns.edited')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('list.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((journey) => (
                <tr key={journey.id} className={journey.status === 'archived' ? 'archived' : undefined}>
                  <td>
                    <Link href={`/journeys/${encodeURIComponent(journey.id)}`} className="journey-link">
                      {journey.name}
                    </Link>
                    <div className="journey-id">{journey.id}</div>
                  </td>
                  <td>
                    <StatusBadge status={journey.status} />
                  </td>
                  <td>
                    {journey.liveVersion === null ? '—' : t('list.versionNumber', { version: journey.liveVersion })}
                  </td>
                  <JourneyCounts journey={journey} />
                  <td title={formatDateTime(journey.updatedAt, locale)}>{formatRelative(journey.updatedAt, locale)}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="link-button"
                      disabled={create.isPending}
                      onClick={() => duplicate(journey)}
                      aria-label={t('list.duplicateNamed', { name: journey.name })}
                    >
                      {t('list.duplicate')}
                    </button>
                    <button
                      type="button"
                      className="link-button danger"
                      disabled={journey.status === 'archived'}
                      onClick={() => setArchiving(journey)}
                      aria-label={t('list.archiveNamed', { name: journey.name })}
                    >
                      {t('lifecycle.archive')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>

      {creating && (
        <NewJourneyDialog
          busy={create.isPending}
          takenIds={takenIds}
          onCancel={() => setCreating(false)}
          onCreate={(document) => createAndOpen(document, t('list.created', { name: document.name }))}
          onCreated={(journey) => {
            void refreshList();
            openCreated(journey, t('list.created', { name: journey.name }));
          }}
        />
      )}
      {archiving && (
        <ArchiveDialog
          name={archiving.name}
          busy={archive.isPending}
          onCancel={() => setArchiving(undefined)}
          onConfirm={() => archive.mutate(archiving)}
        />
      )}
      {importIssues && (
        <Modal
          title={t('list.importFailed', { file: importIssues.file })}
          onClose={() => setImportIssues(undefined)}
          actions={
            <button type="button" className="secondary-button" onClick={() => setImportIssues(undefined)}>
              {t('common.close')}
            </button>
          }
        >
          <IssueList issues={importIssues.issues} />
        </Modal>
      )}
    </div>
  );
}
