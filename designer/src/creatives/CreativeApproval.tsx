import type { CreativeApproval, CreativeDetail } from '@journey/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/useCan';
import { useLocale } from '../i18n';
import { ErrorDetails } from '../ui/ErrorDetails';
import { formatDateTime } from '../ui/format';
import { notifySuccess } from '../ui/toasts';
import { creativeKeys, creativesApi } from './creativesApi';

/** "Approved", "Not approved" or "Changes awaiting approval": the compliance state of a creative's words. */
export function ApprovalBadge({ approval }: { approval: CreativeApproval }) {
  const { t } = useTranslation();
  return <span className={`status-badge approval-${approval.state}`}>{t(`creatives.approval.${approval.state}`)}</span>;
}

/** A title and body as plain text, for comparing the approved words with the working ones. */
function Words({ label, title, body }: { label: string; title: string | undefined; body: string }) {
  return (
    <section className="creative-words" aria-label={label}>
      <h4>{label}</h4>
      {title && <strong>{title}</strong>}
      <p>{body}</p>
    </section>
  );
}

interface ApprovalPanelProps {
  creative: CreativeDetail;
  /** The revision saved in this editor: approving approves it, so the approver signs off the words they see. */
  revision: number;
  /** Edits in the form not saved yet: approval applies to saved text only. */
  unsaved: boolean;
}

/**
 * The compliance approval of a creative in its editor: its state, who approved which revision and when, the
 * approved words beside the working ones when they differ, and "Approve this text" for those who may publish.
 */
export function ApprovalPanel({ creative, revision, unsaved }: ApprovalPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const canApprove = useCan('journeys:publish');
  const { approval } = creative;
  const approve = useMutation({
    mutationFn: () => creativesApi.approve(creative.id, revision),
    onSuccess: (approved) => {
      void queryClient.invalidateQueries({ queryKey: creativeKeys.all });
      notifySuccess(t('creatives.approval.done', { name: approved.name }));
    },
  });

  return (
    <section className="creative-approval" aria-label={t('creatives.approval.title')}>
      <h3>
        {t('creatives.approval.title')} <ApprovalBadge approval={approval} />
      </h3>
      {approval.state === 'notApproved' ? (
        <p className="field-hint">{t('creatives.approval.notApprovedHint')}</p>
      ) : (
        <p className="field-hint">
          {t('creatives.approval.by', {
            name: approval.approvedBy,
            time: formatDateTime(approval.approvedAt, locale),
            revision: approval.approvedRevision,
          })}
        </p>
      )}
      {approval.state === 'changesPending' && (
        <>
          <p className="field-hint">{t('creatives.approval.changesHint')}</p>
          <div className="creative-compare">
            <Words
              label={t('creatives.approval.approvedText')}
              title={approval.approvedTitle}
              body={approval.approvedBody}
            />
            <Words label={t('creatives.approval.workingText')} title={creative.title} body={creative.body} />
          </div>
        </>
      )}
      {canApprove && approval.state !== 'approved' && (
        <div className="button-row">
          <button
            type="button"
            className="secondary-button"
            disabled={unsaved || approve.isPending}
            onClick={() => approve.mutate()}
          >
            {approve.isPending ? t('creatives.approval.approving') : t('creatives.approval.approve')}
          </button>
          {unsaved && <span className="field-hint">{t('creatives.approval.saveFirst')}</span>}
        </div>
      )}
      {approve.isError && (
        <div className="banner error" role="alert">
          <div>
            <strong>{t('creatives.approval.failed')}</strong>
            <ErrorDetails error={approve.error} />
          </div>
        </div>
      )}
    </section>
  );
}
