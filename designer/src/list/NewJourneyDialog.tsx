import type { JourneyDocument, TemplateSummary } from '@journey/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyRecord } from '../api/journeys';
import { useCan } from '../app/useCan';
import { DeleteTemplateDialog } from '../templates/DeleteTemplateDialog';
import { TemplateGallery } from '../templates/TemplateGallery';
import { TemplateJourneyDialog } from '../templates/TemplateJourneyDialog';
import { Modal } from '../ui/Modal';
import { blankJourney } from './newJourneys';

interface NewJourneyDialogProps {
  busy: boolean;
  takenIds: ReadonlySet<string>;
  onCreate(document: JourneyDocument): void;
  /** The runtime created the journey from a template. */
  onCreated(journey: JourneyRecord): void;
  onCancel(): void;
}

/** What the dialog shows: the two ways to start, a template's questions, or the question whether to delete one. */
type Step = { show: 'start' } | { show: 'template' | 'delete'; template: TemplateSummary };

/**
 * Starts a journey either blank (a trigger and an exit) or from a template. One dialog at a time: a template's
 * form and the delete confirmation take the place of the gallery, and Back returns to it.
 */
export function NewJourneyDialog({ busy, takenIds, onCreate, onCreated, onCancel }: NewJourneyDialogProps) {
  const { t } = useTranslation();
  const canEdit = useCan('journeys:edit');
  const [step, setStep] = useState<Step>({ show: 'start' });
  const [name, setName] = useState('');
  const trimmed = name.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (trimmed) onCreate(blankJourney(trimmed, takenIds));
  };
  const backToStart = () => setStep({ show: 'start' });

  if (step.show === 'template') {
    return (
      <TemplateJourneyDialog
        template={step.template}
        initialName={trimmed || step.template.name}
        takenIds={takenIds}
        onBack={backToStart}
        onCancel={onCancel}
        onCreated={onCreated}
      />
    );
  }
  if (step.show === 'delete') {
    return <DeleteTemplateDialog template={step.template} onDone={backToStart} />;
  }
  return (
    <Modal
      title={t('list.newTitle')}
      onClose={onCancel}
      wide
      actions={
        <>
          <button type="button" className="secondary-button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="new-journey" className="primary-button" disabled={!trimmed || busy}>
            {t('list.createAndOpen')}
          </button>
        </>
      }
    >
      <section aria-labelledby="new-journey-blank">
        <h3 id="new-journey-blank" className="new-journey-heading">
          {t('templates.blank')}
        </h3>
        <form id="new-journey" onSubmit={submit}>
          <label className="field field-control">
            <span className="field-label">{t('settings.name')}</span>
            <input
              maxLength={200}
              value={name}
              placeholder={t('list.namePlaceholder')}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          <p className="field-hint">{t('list.newHint')}</p>
        </form>
      </section>
      <section aria-labelledby="new-journey-templates">
        <h3 id="new-journey-templates" className="new-journey-heading">
          {t('templates.fromTemplate')}
        </h3>
        <TemplateGallery
          onUse={(template) => setStep({ show: 'template', template })}
          onDelete={canEdit ? (template) => setStep({ show: 'delete', template }) : undefined}
        />
      </section>
    </Modal>
  );
}
