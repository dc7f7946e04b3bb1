import { type Condition, checkCondition, conditionSchema } from '@journey/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { useLocale } from '../../i18n';
import { ConditionEditor, emptyRule } from '../../inspector/ConditionEditor';
import { Field, FieldGroup } from '../../inspector/fields';
import { suggestedId } from '../../list/newJourneys';
import { formatCount } from '../../live/format';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { Modal } from '../../ui/Modal';
import { notifySuccess } from '../../ui/toasts';
import { type Segment, segmentKeys, segmentsApi } from './segmentsApi';

/** How long the condition rests before the matching customers are counted again. */
const PREVIEW_DELAY_MS = 400;

/** Whether the runtime would take the condition: every rule filled in, profile attributes and tags only. */
const isComplete = (condition: Condition) =>
  conditionSchema.safeParse(condition).success &&
  checkCondition(condition, { allowEventProperties: false }).length === 0;

/** Where the runtime's refusal belongs: at the name, the id, the condition, or above the form. */
interface Refusal {
  name?: string;
  id?: string;
  /** Whether the id is taken (409): someone created a segment under it meanwhile. */
  idTaken?: boolean;
  /** Issues with the condition, each with the position of its rule ("2.1": the first rule of the second group). */
  condition: { position?: string; message: string }[];
  /** The error itself when it names no field of the form. */
  general?: unknown;
}

/** The rule an issue is about: "condition.all.1.any.0.attr" → "2.1"; none for the condition as a whole. */
function rulePosition(path: string): string | undefined {
  const indexes = path.split('.').filter((part) => /^\d+$/.test(part));
  return indexes.length === 0 ? undefined : indexes.map((index) => Number(index) + 1).join('.');
}

function placeRefusal(error: unknown): Refusal {
  if (!(error instanceof ApiError)) return { condition: [], general: error };
  if (error.status === 409) return { idTaken: true, condition: [] };
  const refusal: Refusal = { condition: [] };
  const elsewhere = error.issues.filter((issue) => {
    // Body fields come prefixed, as schema errors name them ("body.condition.all.0.attr").
    const path = issue.path.replace(/^body\./, '');
    if (path === 'name') refusal.name = issue.message;
    else if (path === 'id') refusal.id = issue.message;
    else if (path === 'condition' || path.startsWith('condition.')) {
      refusal.condition.push({ position: rulePosition(path), message: issue.message });
    } else return true;
    return false;
  });
  const named = elsewhere.length < error.issues.length;
  return named && elsewhere.length === 0 ? refusal : { ...refusal, general: error };
}

interface NewSegmentDialogProps {
  /** The ids of the segments that exist. */
  takenIds: ReadonlySet<string>;
  onCancel(): void;
  onCreated(segment: Segment): void;
}

/** A new segment: its name, the id journeys refer to it by, and who is in it, counted while it is built. */
export function NewSegmentDialog({ takenIds, onCancel, onCreated }: NewSegmentDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = useId();
  const nameErrorId = useId();
  const idHintId = useId();
  const [name, setName] = useState('');
  const [typedId, setTypedId] = useState<string>();
  const [condition, setCondition] = useState<Condition>({ all: [emptyRule] });
  const trimmed = name.trim();
  const id = typedId ?? suggestedId(trimmed, takenIds, 'segment');
  const idTaken = takenIds.has(id);

  const create = useMutation({
    mutationFn: () => segmentsApi.create({ id, name: trimmed, condition }),
    onSuccess: (segment) => {
      void queryClient.invalidateQueries({ queryKey: segmentKeys.list });
      notifySuccess(t('settingsPage.segments.created', { name: segment.name }));
      onCreated(segment);
    },
  });
  const refusal: Refusal = create.isError ? placeRefusal(create.error) : { condition: [] };
  const idError = idTaken || refusal.idTaken ? t('settingsPage.segments.idTaken', { id }) : refusal.id;
  const complete = trimmed !== '' && id !== '' && !idTaken && isComplete(condition);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (complete) create.mutate();
  };

  return (
    <Modal
      title={t('settingsPage.segments.new')}
      onClose={onCancel}
      wide
      actions={
        <>
          <button type="button" className="secondary-button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="primary-button" disabled={!complete || create.isPending}>
            {create.isPending ? t('settingsPage.segments.creating') : t('settingsPage.segments.create')}
          </button>
        </>
      }
    >
      <form id={formId} className="segment-form" onSubmit={submit}>
        {refusal.general !== undefined && (
          <div className="banner error" role="alert">
            <div>
              <strong>{t('settingsPage.segments.createFailed')}</strong>
              <ErrorDetails error={refusal.general} />
            </div>
          </div>
        )}
        <Field
          label={t('settingsPage.segments.name')}
          hint={
            refusal.name && (
              <span id={nameErrorId} className="field-error">
                {refusal.name}
              </span>
            )
          }
        >
          <input
            maxLength={200}
            value={name}
            placeholder={t('settingsPage.segments.namePlaceholder')}
            aria-invalid={refusal.name !== undefined}
            aria-describedby={refusal.name ? nameErrorId : undefined}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <Field
          label={t('settingsPage.segments.id')}
          hint={
            <span id={idHintId} className={idError ? 'field-error' : undefined}>
              {idError ?? t('settingsPage.segments.idHint')}
            </span>
          }
        >
          <input
            maxLength={64}
            value={id}
            aria-invalid={idError !== undefined}
            aria-describedby={idHintId}
            onChange={(event) => setTypedId(event.target.value)}
          />
        </Field>
        <FieldGroup legend={t('settingsPage.segments.condition')} hint={t('settingsPage.segments.conditionHint')}>
          <ConditionEditor value={condition} onChange={setCondition} allowEventProperties={false} />
        </FieldGroup>
        {refusal.condition.length > 0 && (
          <ul className="field-error segment-condition-issues" role="alert">
            {refusal.condition.map(({ position, message }) => (
              <li key={`${position}\u0000${message}`}>
                {position === undefined ? message : `${t('settingsPage.segments.rule', { position })}: ${message}`}
              </li>
            ))}
          </ul>
        )}
        <PreviewCount condition={condition} />
      </form>
    </Modal>
  );
}

/** How many customers the condition selects now, counted once the editing rests. */
function PreviewCount({ condition }: { condition: Condition }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [counted, setCounted] = useState(condition);
  useEffect(() => {
    const timer = window.setTimeout(() => setCounted(condition), PREVIEW_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [condition]);
  const preview = useQuery({
    queryKey: segmentKeys.preview(counted),
    queryFn: () => segmentsApi.preview(counted),
    enabled: isComplete(counted),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="segment-preview" role="status">
      {!isComplete(condition) ? (
        <span className="muted">{t('settingsPage.segments.previewIncomplete')}</span>
      ) : preview.isError ? (
        <div className="banner error">
          <div>
            <strong>{t('settingsPage.segments.previewFailed')}</strong>
            <ErrorDetails error={preview.error} />
          </div>
        </div>
      ) : preview.data === undefined ? (
        <span className="muted">{t('settingsPage.segments.previewing')}</span>
      ) : (
        // Muted while the count is of an earlier version of the condition.
        <span className={preview.isPlaceholderData || counted !== condition ? 'muted' : undefined}>
          {t('settingsPage.segments.previewCount', {
            count: preview.data,
            formatted: formatCount(preview.data, locale),
          })}
        </span>
      )}
    </div>
  );
}
