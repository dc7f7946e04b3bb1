import type { TemplateSummary, TemplateValue } from '@journey/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { type JourneyRecord, journeyKeys, journeysApi } from '../api/journeys';
import { Field } from '../inspector/fields';
import { idBase } from '../list/newJourneys';
import { listenedEvents } from '../simulate/simulation';
import { uniqueId } from '../store/documentOps';
import { ErrorDetails } from '../ui/ErrorDetails';
import { Modal } from '../ui/Modal';
import { ParameterField } from './ParameterField';
import { referenceApi, referenceKeys, templatesApi } from './templatesApi';
import './templates.css';
import { type PlacedIssues, placeIssues } from '../ui/fieldIssues';

interface TemplateJourneyDialogProps {
  template: TemplateSummary;
  initialName: string;
  takenIds: ReadonlySet<string>;
  onBack(): void;
  onCancel(): void;
  onCreated(journey: JourneyRecord): void;
}

type RefusalField = 'name' | `parameters.${string}`;

const isAnswerPath = (path: string): path is `parameters.${string}` => /^parameters\.[^.]+$/.test(path);

/** An issue about the journey's name or id belongs at the name; one about an answer, at its question. */
const refusalField = (path: string): RefusalField | undefined =>
  path === 'name' || path === 'id' ? 'name' : isAnswerPath(path) ? path : undefined;

/** `idTaken` says so at the name (a 409): translated by the caller, as `t` passed around is too deep a type. */
function placeRefusal(error: unknown, idTaken: string): PlacedIssues<RefusalField> {
  return error instanceof ApiError && error.status === 409
    ? { byField: { name: idTaken } }
    : placeIssues(error, refusalField);
}

/** The template's questions, each prefilled with the value its example journey uses; creates the journey. */
export function TemplateJourneyDialog({
  template,
  initialName,
  takenIds,
  onBack,
  onCancel,
  onCreated,
}: TemplateJourneyDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  const eventList = useId();
  const nameErrorId = useId();
  const [name, setName] = useState(initialName);
  const [values, setValues] = useState<Record<string, TemplateValue>>(() =>
    Object.fromEntries(template.parameters.map((parameter) => [parameter.key, parameter.default])),
  );
  const asks = (kind: string) => template.parameters.some((parameter) => parameter.kind === kind);
  const pools = useQuery({
    queryKey: referenceKeys.benefitPools,
    queryFn: referenceApi.benefitPools,
    enabled: asks('benefitPool'),
  });
  const segments = useQuery({
    queryKey: referenceKeys.segments,
    queryFn: referenceApi.segments,
    enabled: asks('segment'),
  });
  // Event names the bank's journeys already react to, offered while typing one.
  const journeys = useQuery({ queryKey: journeyKeys.list(), queryFn: journeysApi.list });
  const knownEvents = useMemo(() => {
    const names = new Set(
      template.parameters
        .filter((parameter) => parameter.kind === 'event')
        .map((parameter) => String(parameter.default)),
    );
    for (const journey of journeys.data ?? []) {
      for (const { event } of listenedEvents(journey.draft)) names.add(event);
    }
    return [...names].sort();
  }, [template, journeys.data]);

  const trimmed = name.trim();
  // A name without Latin letters (a template's Chinese name, say) gives an id after the template's.
  const journeyId = uniqueId(idBase(trimmed, idBase(template.id)), takenIds);
  const create = useMutation({
    mutationFn: () => templatesApi.createJourney(template.id, { id: journeyId, name: trimmed, parameters: values }),
    onSuccess: onCreated,
  });
  const refusal = create.isError
    ? placeRefusal(create.error, t('templates.idTaken', { id: journeyId }))
    : { byField: {} };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (trimmed) create.mutate();
  };

  return (
    <Modal
      title={t('templates.newFromTitle', { name: template.name })}
      onClose={onCancel}
      wide
      actions={
        <>
          <button type="button" className="secondary-button" onClick={onBack}>
            {t('templates.back')}
          </button>
          <button type="submit" form={formId} className="primary-button" disabled={!trimmed || create.isPending}>
            {t('list.createAndOpen')}
          </button>
        </>
      }
    >
      <form id={formId} className="template-form" onSubmit={submit}>
        {template.description && <p className="muted">{template.description}</p>}
        {refusal.general !== undefined && (
          <div className="banner error" role="alert">
            <strong>{t('list.createFailed')}</strong>
            <ErrorDetails error={refusal.general} />
          </div>
        )}
        <Field
          label={t('settings.name')}
          hint={
            refusal.byField.name ? (
              <span id={nameErrorId} className="field-error">
                {refusal.byField.name}
              </span>
            ) : (
              t('templates.journeyId', { id: journeyId })
            )
          }
        >
          <input
            maxLength={200}
            value={name}
            aria-invalid={refusal.byField.name !== undefined}
            aria-describedby={refusal.byField.name ? nameErrorId : undefined}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        {template.parameters.map((parameter) => (
          <ParameterField
            key={parameter.key}
            parameter={parameter}
            value={values[parameter.key] ?? parameter.default}
            error={refusal.byField[`parameters.${parameter.key}`]}
            onChange={(value) => setValues((current) => ({ ...current, [parameter.key]: value }))}
            eventList={eventList}
            benefitPools={pools.data ?? []}
            segments={segments.data ?? []}
          />
        ))}
        <datalist id={eventList}>
          {knownEvents.map((event) => (
            <option key={event} value={event} />
          ))}
        </datalist>
      </form>
    </Modal>
  );
}
