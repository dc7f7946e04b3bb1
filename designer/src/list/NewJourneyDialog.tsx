import type { JourneyDocument } from '@journey/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../ui/Modal';
import { blankJourney } from './newJourneys';

interface NewJourneyDialogProps {
  busy: boolean;
  takenIds: ReadonlySet<string>;
  onCreate(document: JourneyDocument): void;
  onCancel(): void;
}

/** Asks for a name and starts a journey with a trigger and an exit. */
export function NewJourneyDialog({ busy, takenIds, onCreate, onCancel }: NewJourneyDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const trimmed = name.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (trimmed) onCreate(blankJourney(trimmed, takenIds));
  };
  return (
    <Modal
      title={t('list.newTitle')}
      onClose={onCancel}
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
    </Modal>
  );
}
