import {
  formatDuration,
  type JourneyDocument,
  type Locale,
  suggestTemplateParameters,
  type TemplateParameter,
  type TemplateValue,
  templateDefaults,
} from '@journey/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { Field, TextField } from '../inspector/fields';
import { idBase } from '../list/newJourneys';
import { uniqueId } from '../store/documentOps';
import { ErrorDetails } from '../ui/ErrorDetails';
import { Modal } from '../ui/Modal';
import { notifySuccess } from '../ui/toasts';
import { templateKeys, templatesApi } from './templatesApi';
import './templates.css';

/** What the journey uses now, as the canvas says it: "2 days" rather than "P2D". */
function shownValue(parameter: TemplateParameter, value: TemplateValue | undefined, locale: Locale): string {
  return parameter.kind === 'duration' && typeof value === 'string' ? formatDuration(value, locale) : String(value);
}

interface Question {
  parameter: TemplateParameter;
  asked: boolean;
  label: string;
}

/** Saves the journey as a template: its name, category and description, and which of its values to ask for. */
export function SaveAsTemplateDialog({ document, onClose }: { document: JourneyDocument; onClose(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const formId = useId();
  const categoryList = useId();
  const templates = useQuery({ queryKey: templateKeys.list(), queryFn: templatesApi.list });
  const [name, setName] = useState(document.name);
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const suggested = useMemo(() => suggestTemplateParameters(document), [document]);
  const current = useMemo(
    () => templateDefaults({ id: document.id, name: document.name, parameters: suggested, document }),
    [document, suggested],
  );
  const [questions, setQuestions] = useState<Question[]>(() =>
    suggested.map((parameter) => ({ parameter, asked: true, label: parameter.label })),
  );
  /** The template that already has the id this name gives, while asking whether to replace it. */
  const [clash, setClash] = useState<{ id: string; name: string }>();

  const trimmed = name.trim();
  const existing = templates.data ?? [];
  const categories = [...new Set(existing.flatMap((template) => (template.category ? [template.category] : [])))];
  const save = useMutation({
    mutationFn: (id: string) =>
      templatesApi.save(id, {
        name: trimmed,
        ...(category.trim() && { category: category.trim() }),
        ...(description.trim() && { description: description.trim() }),
        parameters: questions
          .filter((question) => question.asked)
          .map((question) => ({ ...question.parameter, label: question.label.trim() })),
        document,
      }),
    onSuccess: (template) => {
      notifySuccess(t('templates.saved', { name: template.name }));
      void queryClient.invalidateQueries({ queryKey: templateKeys.all });
      onClose();
    },
  });
  const complete = trimmed !== '' && questions.every((question) => !question.asked || question.label.trim() !== '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!complete || !templates.isSuccess) return;
    const id = idBase(trimmed);
    const same = existing.find((template) => template.id === id);
    if (same) setClash({ id, name: same.name });
    else save.mutate(id);
  };
  const change = (index: number, update: Partial<Question>) =>
    setQuestions((all) => all.map((question, at) => (at === index ? { ...question, ...update } : question)));

  return (
    <Modal
      title={t('templates.saveTitle')}
      onClose={onClose}
      wide
      actions={
        clash ? (
          <>
            <button type="button" className="secondary-button" onClick={() => setClash(undefined)}>
              {t('templates.back')}
            </button>
            <button
              type="button"
              className="secondary-button"
              disabled={save.isPending}
              onClick={() => save.mutate(uniqueId(clash.id, new Set(existing.map((template) => template.id))))}
            >
              {t('templates.saveAsNew')}
            </button>
            <button
              type="button"
              className="danger-button"
              disabled={save.isPending}
              onClick={() => save.mutate(clash.id)}
            >
              {t('templates.replace')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="secondary-button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button
              type="submit"
              form={formId}
              className="primary-button"
              disabled={!complete || !templates.isSuccess || save.isPending}
            >
              {t('templates.save')}
            </button>
          </>
        )
      }
    >
      {save.isError && (
        <div className="banner error" role="alert">
          <strong>{t('templates.saveFailed')}</strong>
          <ErrorDetails error={save.error} />
        </div>
      )}
      {templates.isError && (
        <div className="banner error" role="alert">
          <strong>{t('templates.loadFailed')}</strong>
          <ErrorDetails error={templates.error} />
        </div>
      )}
      {clash ? (
        <p role="status">{t('templates.clash', { name: clash.name, id: clash.id })}</p>
      ) : (
        <form id={formId} className="template-form" onSubmit={submit}>
          <TextField label={t('templates.name')} value={name} onChange={setName} />
          <Field label={t('templates.category')} hint={t('templates.categoryHint')}>
            <input list={categoryList} value={category} onChange={(event) => setCategory(event.target.value)} />
          </Field>
          <datalist id={categoryList}>
            {categories.map((option) => (
              <option key={option} value={option} />
            ))}
          </datalist>
          <Field label={t('templates.description')}>
            <textarea rows={2} value={description} onChange={(event) => setDescription(event.target.value)} />
          </Field>
          <fieldset className="field template-questions">
            <legend className="field-label">{t('templates.questionsLegend')}</legend>
            {questions.length === 0 ? (
              <p className="field-hint">{t('templates.nothingToAsk')}</p>
            ) : (
              <>
                <p className="field-hint">{t('templates.questionsHint')}</p>
                <ul>
                  {questions.map((question, index) => (
                    <li key={question.parameter.key} className="template-question">
                      <input
                        type="checkbox"
                        checked={question.asked}
                        aria-label={t('templates.ask', { label: question.parameter.label })}
                        onChange={(event) => change(index, { asked: event.target.checked })}
                      />
                      <input
                        value={question.label}
                        disabled={!question.asked}
                        aria-label={t('templates.wording', { label: question.parameter.label })}
                        aria-invalid={question.asked && question.label.trim() === ''}
                        onChange={(event) => change(index, { label: event.target.value })}
                      />
                      <span className="template-question-value" title={String(current[question.parameter.key])}>
                        {t(`templates.kinds.${question.parameter.kind}`)}:{' '}
                        {shownValue(question.parameter, current[question.parameter.key], locale)}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </fieldset>
        </form>
      )}
    </Modal>
  );
}
