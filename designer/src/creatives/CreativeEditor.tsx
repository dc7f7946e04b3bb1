import {
  type CreativeDetail,
  type CreativeInput,
  type CreativeUsage,
  channelLabels,
  channels,
  creativeIdSchema,
} from '@journey/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../api/http';
import { useCan } from '../app/useCan';
import { useLocale } from '../i18n';
import { Field, SelectField, TextField } from '../inspector/fields';
import { withOptional } from '../inspector/forms/formProps';
import { MessageTextFields } from '../inspector/forms/MessageText';
import { MessagePreview } from '../inspector/MessagePreview';
import { suggestedId } from '../list/newJourneys';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorDetails } from '../ui/ErrorDetails';
import { StatusBadge } from '../ui/StatusBadge';
import { notifySuccess } from '../ui/toasts';
import { ApprovalPanel } from './CreativeApproval';
import { creativeKeys, creativesApi } from './creativesApi';
import { textOf } from './creativeText';

const blank: CreativeInput = { name: '', channel: 'sms', body: '' };

function inputOf(creative: CreativeDetail): CreativeInput {
  const { name, channel, title, body, description } = creative;
  return {
    name,
    channel,
    body,
    ...(title !== undefined && { title }),
    ...(description !== undefined && { description }),
  };
}

const sameInput = (a: CreativeInput, b: CreativeInput) =>
  a.name === b.name &&
  a.channel === b.channel &&
  a.title === b.title &&
  a.body === b.body &&
  a.description === b.description;

const isStale = (error: unknown) => error instanceof ApiError && error.status === 412;

interface CreativeFormProps {
  /** The creative as loaded; undefined for a new one. */
  loaded?: CreativeDetail;
  /** The ids a new creative may not take. */
  takenIds?: ReadonlySet<string>;
  /** Drops the edits here and shows the creative as the runtime has it now. */
  onReload?(): void;
  onCreated?(id: string): void;
  onDeleted?(): void;
}

/** One creative's name, channel, words and note, with a preview; saved over the revision it was loaded at. */
function CreativeForm({ loaded, takenIds = new Set(), onReload, onCreated, onDeleted }: CreativeFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const canEdit = useCan('journeys:edit');
  const [input, setInput] = useState<CreativeInput>(() => (loaded ? inputOf(loaded) : blank));
  const [saved, setSaved] = useState(() => loaded && { input: inputOf(loaded), revision: loaded.revision });
  const [typedId, setTypedId] = useState<string>();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const id = loaded?.id ?? typedId ?? suggestedId(input.name, takenIds, 'creative');
  const idValid = creativeIdSchema.safeParse(id).success && (loaded !== undefined || !takenIds.has(id));
  const complete = idValid && input.name.trim() !== '' && input.body.trim() !== '';
  const dirty = !saved || !sameInput(input, saved.input);

  const save = useMutation({
    mutationFn: () => creativesApi.save(id, input, saved?.revision),
    onSuccess: (creative) => {
      setSaved({ input, revision: creative.revision });
      void queryClient.invalidateQueries({ queryKey: creativeKeys.all });
      notifySuccess(t('creatives.saved', { name: creative.name }));
      if (!loaded) onCreated?.(creative.id);
    },
  });
  const remove = useMutation({
    mutationFn: () => creativesApi.remove(id),
    onSuccess: () => {
      setConfirmingDelete(false);
      queryClient.removeQueries({ queryKey: creativeKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: creativeKeys.list() });
      notifySuccess(t('creatives.deleted', { name: input.name }));
      onDeleted?.();
    },
    // In use after all (someone started using it meanwhile): show who uses it now.
    onError: () => void queryClient.invalidateQueries({ queryKey: creativeKeys.detail(id) }),
  });

  return (
    <form
      className="creative-form"
      aria-label={loaded ? loaded.name : t('creatives.new')}
      onSubmit={(event) => {
        event.preventDefault();
        if (complete && dirty) save.mutate();
      }}
    >
      <h2>{loaded ? loaded.name : t('creatives.new')}</h2>
      {!canEdit && <p className="banner info">{t('creatives.readOnly')}</p>}
      {loaded && saved && <ApprovalPanel creative={loaded} revision={saved.revision} unsaved={dirty} />}
      {loaded && <UsageList usedBy={loaded.usedBy} />}
      {/* A disabled fieldset disables every control in it: reading only, for those who may not edit. */}
      <fieldset className="creative-fields" disabled={!canEdit}>
        <TextField label={t('creatives.name')} value={input.name} onChange={(name) => setInput({ ...input, name })} />
        {loaded ? (
          <p className="field-hint creative-id">
            {t('creatives.id')}: <code>{loaded.id}</code>
          </p>
        ) : (
          <Field label={t('creatives.id')} hint={t('creatives.idHint')}>
            <input value={id} aria-invalid={!idValid} onChange={(event) => setTypedId(event.target.value)} />
          </Field>
        )}
        <SelectField
          label={t('message.channel')}
          value={input.channel}
          options={channels.map((channel) => ({ value: channel, label: channelLabels[channel][locale] }))}
          onChange={(channel) => setInput({ ...input, channel })}
        />
        <MessageTextFields
          text={textOf(input)}
          onChange={(text) => setInput({ ...withOptional(input, 'title', undefined), ...text })}
        />
        <TextField
          label={t('creatives.description')}
          hint={t('creatives.descriptionHint')}
          value={input.description ?? ''}
          onChange={(description) => setInput(withOptional(input, 'description', description || undefined))}
        />
      </fieldset>
      <MessagePreview {...textOf(input)} />

      {isStale(save.error) ? (
        <div className="banner warning" role="alert">
          <span>{t('creatives.stale')}</span>
          <button type="button" className="secondary-button" onClick={onReload}>
            {t('creatives.reload')}
          </button>
        </div>
      ) : (
        save.isError && (
          <div className="banner error" role="alert">
            <div>
              <strong>{t('creatives.saveFailed')}</strong>
              <ErrorDetails error={save.error} />
            </div>
          </div>
        )
      )}
      {canEdit && (
        <div className="button-row">
          <button type="submit" className="primary-button" disabled={!complete || !dirty || save.isPending}>
            {save.isPending ? t('creatives.saving') : t('creatives.save')}
          </button>
          {loaded && (
            <button type="button" className="danger-button" onClick={() => setConfirmingDelete(true)}>
              {t('creatives.delete')}
            </button>
          )}
        </div>
      )}

      {confirmingDelete && (
        <ConfirmDialog
          title={t('creatives.deleteTitle', { name: input.name })}
          confirmLabel={t('creatives.delete')}
          busy={remove.isPending}
          onCancel={() => setConfirmingDelete(false)}
          onConfirm={() => remove.mutate()}
        >
          {remove.isError ? (
            <div className="banner error" role="alert">
              <div>
                <strong>{t('creatives.deleteFailed')}</strong>
                <ErrorDetails error={remove.error} />
                {loaded && <UsageList usedBy={loaded.usedBy} />}
              </div>
            </div>
          ) : (
            <p>{t('creatives.deleteQuestion')}</p>
          )}
        </ConfirmDialog>
      )}
    </form>
  );
}

/** The journeys whose draft or live version sends the creative, each linked to its editor. */
function UsageList({ usedBy }: { usedBy: readonly CreativeUsage[] }) {
  const { t } = useTranslation();
  return (
    <section className="creative-usage" aria-label={t('creatives.usedBy')}>
      <h3>{t('creatives.usedBy')}</h3>
      {usedBy.length === 0 ? (
        <p className="muted">{t('creatives.unused')}</p>
      ) : (
        <>
          <p className="field-hint">{t('creatives.usedByHint')}</p>
          <ul>
            {usedBy.map((usage) => (
              <li key={`${usage.journeyId}\u0000${usage.where}`}>
                <Link href={`/journeys/${encodeURIComponent(usage.journeyId)}`}>{usage.journeyName}</Link>{' '}
                <StatusBadge status={usage.where} />{' '}
                <span className="muted">{t('creatives.steps', { count: usage.nodeIds.length })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The editor of a creative in the library, loaded with who uses it. */
export function ExistingCreative({ id, onDeleted }: { id: string; onDeleted(): void }) {
  const { t } = useTranslation();
  const detail = useQuery({ queryKey: creativeKeys.detail(id), queryFn: () => creativesApi.get(id) });
  // A reload starts the form afresh from what the runtime has now.
  const [generation, setGeneration] = useState(0);

  if (detail.isPending) return <p className="muted">{t('creatives.loading')}</p>;
  if (detail.isError) {
    return (
      <div className="banner error" role="alert">
        <div>
          <strong>{t('creatives.loadOneFailed', { id })}</strong>
          <ErrorDetails error={detail.error} />
        </div>
      </div>
    );
  }
  return (
    <CreativeForm
      key={generation}
      loaded={detail.data}
      onReload={() => void detail.refetch().then(() => setGeneration((current) => current + 1))}
      onDeleted={onDeleted}
    />
  );
}

/** A blank creative, saved under an id no creative has yet. */
export function NewCreative({ takenIds, onCreated }: { takenIds: ReadonlySet<string>; onCreated(id: string): void }) {
  return <CreativeForm takenIds={takenIds} onCreated={onCreated} />;
}
