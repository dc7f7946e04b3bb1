import { type BenefitPool, type Channel, channelLabels, channels, type UnitCosts } from '@journey/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/useCan';
import { useLocale } from '../../i18n';
import { NumberInput } from '../../inspector/fields';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { placeIssues } from '../../ui/fieldIssues';
import { notifySuccess } from '../../ui/toasts';
import { budgetKeys, costsApi } from './budgetsApi';

/** A cost's place in the PUT body, as the runtime names it in an issue: `channels.sms`, `benefitPools.<id>`. */
type CostKey = `channels.${Channel}` | `benefitPools.${string}`;
const isCostKey = (path: string): path is CostKey => /^(channels|benefitPools)\.[^.]+$/.test(path);

/** Yuan per message or unit, by key; a blank (undefined) costs nothing. */
type CostEntries = Partial<Record<CostKey, number>>;

function entriesOf(costs: UnitCosts): CostEntries {
  return {
    ...Object.fromEntries(Object.entries(costs.channels).map(([channel, cost]) => [`channels.${channel}`, cost])),
    ...Object.fromEntries(Object.entries(costs.benefitPools).map(([poolId, cost]) => [`benefitPools.${poolId}`, cost])),
  };
}

/** The PUT body: every cost entered, for the channels and the pools that exist. */
function costsOf(entries: CostEntries, pools: readonly BenefitPool[]): UnitCosts {
  const costs: UnitCosts = { channels: {}, benefitPools: {} };
  for (const channel of channels) {
    const cost = entries[`channels.${channel}`];
    if (cost !== undefined) costs.channels[channel] = cost;
  }
  for (const pool of pools) {
    const cost = entries[`benefitPools.${pool.id}`];
    if (cost !== undefined) costs.benefitPools[pool.id] = cost;
  }
  return costs;
}

const sameCosts = (a: UnitCosts, b: UnitCosts) => JSON.stringify(a) === JSON.stringify(b);

interface CostRow {
  key: CostKey;
  label: string;
  detail?: string;
}

/** What one message per channel and one unit per pool cost, edited in place and saved together with one PUT. */
export function UnitCostsForm({ loaded, pools }: { loaded: UnitCosts; pools: readonly BenefitPool[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const canEdit = useCan('budgets:edit');
  const [entries, setEntries] = useState(() => entriesOf(loaded));
  const [saved, setSaved] = useState(loaded);
  const costs = costsOf(entries, pools);
  const dirty = !sameCosts(costs, costsOf(entriesOf(saved), pools));

  const save = useMutation({
    mutationFn: () => costsApi.replace(costs),
    onSuccess: (answer) => {
      setSaved(answer);
      setEntries(entriesOf(answer));
      queryClient.setQueryData(budgetKeys.costs, answer);
      notifySuccess(t('settingsPage.budgets.costs.saved'));
    },
  });
  const refusal = save.isError
    ? placeIssues(save.error, (path) => (isCostKey(path) ? path : undefined))
    : { byField: {} };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (dirty && !save.isPending) save.mutate();
  };
  const channelRows: CostRow[] = channels.map((channel) => ({
    key: `channels.${channel}`,
    label: channelLabels[channel][locale],
  }));
  const poolRows: CostRow[] = pools.map((pool) => ({
    key: `benefitPools.${pool.id}`,
    label: pool.name,
    detail: pool.id,
  }));

  return (
    <form className="unit-costs" aria-label={t('settingsPage.budgets.costs.title')} onSubmit={submit}>
      {/* A disabled fieldset disables every input in it: reading only, for those who may not change budgets. */}
      <fieldset className="unit-cost-tables" disabled={!canEdit}>
        <CostTable
          caption={t('settingsPage.budgets.costs.perMessage')}
          itemHeader={t('settingsPage.budgets.costs.channel')}
          rows={channelRows}
          entries={entries}
          errors={refusal.byField}
          onChange={(key, cost) => setEntries({ ...entries, [key]: cost })}
        />
        <CostTable
          caption={t('settingsPage.budgets.costs.perUnit')}
          itemHeader={t('settingsPage.budgets.costs.pool')}
          rows={poolRows}
          empty={t('settingsPage.budgets.costs.noPools')}
          entries={entries}
          errors={refusal.byField}
          onChange={(key, cost) => setEntries({ ...entries, [key]: cost })}
        />
      </fieldset>
      {refusal.general !== undefined && (
        <div className="banner error" role="alert">
          <div>
            <strong>{t('settingsPage.budgets.costs.saveFailed')}</strong>
            <ErrorDetails error={refusal.general} />
          </div>
        </div>
      )}
      {canEdit && (
        <div className="button-row">
          <button type="submit" className="primary-button" disabled={!dirty || save.isPending}>
            {save.isPending ? t('settingsPage.budgets.costs.saving') : t('settingsPage.budgets.costs.save')}
          </button>
          {dirty && (
            <>
              <button
                type="button"
                className="secondary-button"
                disabled={save.isPending}
                onClick={() => {
                  setEntries(entriesOf(saved));
                  save.reset();
                }}
              >
                {t('settingsPage.budgets.costs.discard')}
              </button>
              <span className="muted">{t('settingsPage.budgets.costs.unsaved')}</span>
            </>
          )}
        </div>
      )}
    </form>
  );
}

interface CostTableProps {
  caption: string;
  itemHeader: string;
  rows: readonly CostRow[];
  empty?: string;
  entries: CostEntries;
  errors: Partial<Record<CostKey, string>>;
  onChange(key: CostKey, cost: number | undefined): void;
}

function CostTable({ caption, itemHeader, rows, empty, entries, errors, onChange }: CostTableProps) {
  const { t } = useTranslation();
  const errorId = useId();
  return (
    <table className="journey-table cost-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{itemHeader}</th>
          <th scope="col" className="number">
            {t('settingsPage.budgets.costs.cost')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty ? (
          <tr>
            <td colSpan={2} className="muted">
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((row) => {
            const error = errors[row.key];
            return (
              <tr key={row.key}>
                <th scope="row">
                  {row.label}
                  {row.detail && <div className="journey-id">{row.detail}</div>}
                </th>
                <td className="number">
                  <span className="cost-input">
                    <span aria-hidden="true">¥</span>
                    <NumberInput
                      optional
                      integer={false}
                      min={0}
                      placeholder="0.00"
                      aria-label={t('settingsPage.budgets.costs.costOf', { name: row.label })}
                      aria-describedby={error ? `${errorId}-${row.key}` : undefined}
                      value={entries[row.key]}
                      onChange={(cost) => onChange(row.key, cost)}
                    />
                  </span>
                  {error && (
                    <span id={`${errorId}-${row.key}`} className="field-error">
                      {error}
                    </span>
                  )}
                </td>
              </tr>
            );
          })
        )}
      </tbody>
    </table>
  );
}
