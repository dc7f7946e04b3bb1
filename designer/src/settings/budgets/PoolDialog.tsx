import { type BenefitPool, benefitPoolInputSchema, type PerCustomerPeriod, perCustomerPeriods } from '@journey/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, FieldGroup, NumberInput, Select } from '../../inspector/fields';
import { idBase } from '../../list/newJourneys';
import { uniqueId } from '../../store/documentOps';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { placeIssues } from '../../ui/fieldIssues';
import { Modal } from '../../ui/Modal';
import { notifySuccess } from '../../ui/toasts';
import { budgetKeys, poolsApi } from './budgetsApi';

const poolFields = ['id', 'name', 'budget', 'perCustomerLimit', 'perCustomerPeriod'] as const;
type PoolField = (typeof poolFields)[number];
const isPoolField = (path: string): path is PoolField => (poolFields as readonly string[]).includes(path);

interface PoolDraft {
  name: string;
  /** Undefined while the budget field holds no whole number. */
  budget: number | undefined;
  period: PerCustomerPeriod | '';
  limit: number | undefined;
}

const draftOf = (pool: BenefitPool | undefined): PoolDraft => ({
  name: pool?.name ?? '',
  budget: pool?.budget,
  period: pool?.perCustomerPeriod ?? '',
  limit: pool?.perCustomerLimit ?? undefined,
});

/** A readable, free id from the name: "Welcome coupons" → "welcome-coupons" (or "welcome-coupons-1" when taken). */
function suggestedId(name: string, takenIds: ReadonlySet<string>): string {
  const base = idBase(name, 'pool');
  return takenIds.has(base) ? uniqueId(base, takenIds) : base;
}

interface PoolDialogProps {
  /** The pool to change; a new one when absent. */
  pool?: BenefitPool;
  takenIds: ReadonlySet<string>;
  onClose(): void;
}

/**
 * Creates a benefit pool, or changes one's name, budget and per-customer limit. A refusal shows at the field it
 * names (a budget below what is granted at the budget) and keeps everything typed.
 */
export function PoolDialog({ pool, takenIds, onClose }: PoolDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = useId();
  const errorIds = { id: useId(), name: useId(), budget: useId(), limit: useId() };
  const [draft, setDraft] = useState(() => draftOf(pool));
  const [typedId, setTypedId] = useState<string>();
  const id = pool?.id ?? typedId ?? suggestedId(draft.name.trim(), takenIds);
  const idTaken = pool === undefined && takenIds.has(id);
  const idValid = benefitPoolInputSchema.shape.id.safeParse(id).success && !idTaken;
  const complete =
    idValid &&
    draft.name.trim() !== '' &&
    draft.budget !== undefined &&
    (draft.period === '' || draft.limit !== undefined);

  const save = useMutation({
    mutationFn: () => {
      const changes = {
        name: draft.name.trim(),
        budget: draft.budget ?? 0,
        perCustomerLimit: draft.period === '' ? null : (draft.limit ?? null),
        perCustomerPeriod: draft.period === '' ? null : draft.period,
      };
      return pool ? poolsApi.update(pool.id, changes) : poolsApi.create({ id, ...changes });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: budgetKeys.pools });
      notifySuccess(
        t(pool ? 'settingsPage.budgets.form.saved' : 'settingsPage.budgets.form.created', { name: saved.name }),
      );
      onClose();
    },
  });
  // A 409 on a new pool is its id; on a pool that exists, the only conflict is a budget below what is granted.
  const refusal = save.isError
    ? placeIssues(save.error, (path) => (isPoolField(path) ? path : undefined), pool ? 'budget' : 'id')
    : { byField: {} };
  const errors: Partial<Record<PoolField, string>> = {
    ...refusal.byField,
    ...(idTaken && { id: t('settingsPage.budgets.form.idTaken', { id }) }),
  };
  const limitError = errors.perCustomerLimit ?? errors.perCustomerPeriod;
  const errorText = (field: keyof typeof errorIds, message: string | undefined) =>
    message && (
      <span id={errorIds[field]} className="field-error">
        {message}
      </span>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (complete && !save.isPending) save.mutate();
  };

  return (
    <Modal
      title={
        pool ? t('settingsPage.budgets.form.editTitle', { name: pool.name }) : t('settingsPage.budgets.form.newTitle')
      }
      onClose={onClose}
      actions={
        <>
          <button type="button" className="secondary-button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="primary-button" disabled={!complete || save.isPending}>
            {save.isPending
              ? t('settingsPage.budgets.form.saving')
              : pool
                ? t('settingsPage.budgets.form.save')
                : t('settingsPage.budgets.form.create')}
          </button>
        </>
      }
    >
      <form id={formId} className="pool-form" onSubmit={submit} noValidate>
        {refusal.general !== undefined && (
          <div className="banner error" role="alert">
            <div>
              <strong>
                {pool ? t('settingsPage.budgets.form.saveFailed') : t('settingsPage.budgets.form.createFailed')}
              </strong>
              <ErrorDetails error={refusal.general} />
            </div>
          </div>
        )}
        <Field label={t('settingsPage.budgets.form.name')} hint={errorText('name', errors.name)}>
          <input
            maxLength={200}
            value={draft.name}
            placeholder={t('settingsPage.budgets.form.namePlaceholder')}
            aria-invalid={errors.name !== undefined}
            aria-describedby={errors.name ? errorIds.name : undefined}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          />
        </Field>
        {pool ? (
          <p className="field-hint pool-id">
            {t('settingsPage.budgets.form.id')}: <code>{pool.id}</code>
          </p>
        ) : (
          <Field
            label={t('settingsPage.budgets.form.id')}
            hint={errorText('id', errors.id) || t('settingsPage.budgets.form.idHint')}
          >
            <input
              maxLength={64}
              value={id}
              aria-invalid={!idValid || errors.id !== undefined}
              aria-describedby={errors.id ? errorIds.id : undefined}
              onChange={(event) => setTypedId(event.target.value)}
            />
          </Field>
        )}
        <Field
          label={t('settingsPage.budgets.form.budget')}
          hint={
            errorText('budget', errors.budget) ||
            (pool
              ? t('settingsPage.budgets.form.grantedHint', { granted: pool.granted })
              : t('settingsPage.budgets.form.budgetHint'))
          }
        >
          <NumberInput
            optional
            min={0}
            value={draft.budget}
            aria-describedby={errors.budget ? errorIds.budget : undefined}
            onChange={(budget) => setDraft({ ...draft, budget })}
          />
        </Field>
        <FieldGroup
          legend={t('settingsPage.budgets.form.limit')}
          hint={errorText('limit', limitError) || t('settingsPage.budgets.form.limitHint')}
        >
          <div className="inline-controls">
            <Select<PerCustomerPeriod | ''>
              aria-label={t('settingsPage.budgets.form.period')}
              value={draft.period}
              options={[
                { value: '', label: t('settingsPage.budgets.form.periods.none') },
                ...perCustomerPeriods.map((period) => ({
                  value: period,
                  label: t(`settingsPage.budgets.form.periods.${period}`),
                })),
              ]}
              onChange={(period) => setDraft({ ...draft, period })}
            />
            {draft.period !== '' && (
              <NumberInput
                optional
                min={1}
                aria-label={t('settingsPage.budgets.form.limitAmount')}
                aria-describedby={limitError ? errorIds.limit : undefined}
                value={draft.limit}
                onChange={(limit) => setDraft({ ...draft, limit })}
              />
            )}
          </div>
        </FieldGroup>
      </form>
    </Modal>
  );
}
