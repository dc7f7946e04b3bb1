import { type Role, roles } from '@journey/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, Select } from '../../inspector/fields';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { placeIssues, topLevelField } from '../../ui/fieldIssues';
import { Modal } from '../../ui/Modal';
import { accessApi, accessKeys, type CreatedApiKey } from './accessApi';
import { useRoleText } from './roleText';

/** The runtime's limit on a holder's name. */
const NAME_MAX = 128;

/** "New key": who holds it and with which role; then the key itself, shown this once. */
export function NewKeyDialog({ onClose }: { onClose(): void }) {
  const [created, setCreated] = useState<CreatedApiKey>();
  return created ? (
    <SecretDialog created={created} onClose={onClose} />
  ) : (
    <KeyForm onCreated={setCreated} onCancel={onClose} />
  );
}

function KeyForm({ onCreated, onCancel }: { onCreated(created: CreatedApiKey): void; onCancel(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roleText = useRoleText();
  const formId = useId();
  const nameErrorId = useId();
  const roleErrorId = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const trimmed = name.trim();
  const create = useMutation({
    mutationFn: () => accessApi.createKey({ name: trimmed, role }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: accessKeys.keys });
      onCreated(created);
    },
  });
  const refusal = create.isError
    ? placeIssues(create.error, topLevelField(['name', 'role'] as const))
    : { byField: {} };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (trimmed && !create.isPending) create.mutate();
  };

  return (
    <Modal
      title={t('settingsPage.access.newTitle')}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="secondary-button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="primary-button" disabled={!trimmed || create.isPending}>
            {create.isPending ? t('settingsPage.access.creating') : t('settingsPage.access.create')}
          </button>
        </>
      }
    >
      <form id={formId} className="access-form" onSubmit={submit}>
        {refusal.general !== undefined && (
          <div className="banner error" role="alert">
            <div>
              <strong>{t('settingsPage.access.createFailed')}</strong>
              <ErrorDetails error={refusal.general} />
            </div>
          </div>
        )}
        <Field
          label={t('settingsPage.access.name')}
          hint={
            refusal.byField.name ? (
              <span id={nameErrorId} className="field-error">
                {refusal.byField.name}
              </span>
            ) : (
              t('settingsPage.access.nameHint')
            )
          }
        >
          <input
            value={name}
            maxLength={NAME_MAX}
            aria-invalid={refusal.byField.name !== undefined}
            aria-describedby={refusal.byField.name ? nameErrorId : undefined}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <Field
          label={t('settingsPage.access.role')}
          hint={
            refusal.byField.role ? (
              <span id={roleErrorId} className="field-error">
                {refusal.byField.role}
              </span>
            ) : (
              roleText.explanation(role)
            )
          }
        >
          <Select<Role>
            value={role}
            options={roles.map((each) => ({ value: each, label: roleText.name(each) }))}
            onChange={setRole}
          />
        </Field>
      </form>
    </Modal>
  );
}

type CopyState = 'idle' | 'copied' | 'failed';

/** The key itself, this once: with a copy button and the warning that nobody can show it again. */
function SecretDialog({ created, onClose }: { created: CreatedApiKey; onClose(): void }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<CopyState>('idle');
  // Served over plain http from another host, the browser has no clipboard: the key is then copied by hand.
  const copyKey = () =>
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(created.key))
      .then(
        () => setCopy('copied'),
        () => setCopy('failed'),
      );
  return (
    <Modal
      title={t('settingsPage.access.secretTitle', { name: created.name })}
      onClose={onClose}
      wide
      actions={
        <button type="button" className="primary-button" onClick={onClose}>
          {t('settingsPage.access.secretDone')}
        </button>
      }
    >
      <p className="banner warning" role="alert">
        {t('settingsPage.access.secretWarning')}
      </p>
      <div className="access-secret">
        <Field label={t('settingsPage.access.secretLabel')}>
          <input readOnly value={created.key} onFocus={(event) => event.target.select()} />
        </Field>
        <button type="button" className="secondary-button" onClick={() => void copyKey()}>
          {copy === 'copied' ? t('settingsPage.access.copied') : t('settingsPage.access.copy')}
        </button>
      </div>
      {copy === 'failed' && <p className="field-error">{t('settingsPage.access.copyFailed')}</p>}
      <p className="muted">{t('settingsPage.access.secretHandOver', { name: created.name })}</p>
    </Modal>
  );
}
