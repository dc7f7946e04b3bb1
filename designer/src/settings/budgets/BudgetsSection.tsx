import { type BenefitPool, parseNodeConfig } from '@journey/shared';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type JourneyRecord, journeyKeys, journeysApi } from '../../api/journeys';
import { useCan } from '../../app/useCan';
import { useLocale } from '../../i18n';
import { formatCount, formatPercent, NO_FIGURE } from '../../live/format';
import { budgetKeys, costsApi, poolsApi } from './budgetsApi';
import { PoolDialog } from './PoolDialog';
import { UnitCostsForm } from './UnitCostsForm';
import './budgets.css';
import { LoadFailed } from '../../ui/LoadFailed';

/** Below this share of the budget left, a pool is running low. */
const LOW_SHARE = 0.1;

/** The journeys (not archived) whose draft grants from each pool, by pool id. */
function journeysByPool(journeys: readonly JourneyRecord[]): Map<string, JourneyRecord[]> {
  const byPool = new Map<string, JourneyRecord[]>();
  for (const journey of journeys) {
    if (journey.status === 'archived') continue;
    const poolIds = new Set(
      journey.draft.nodes.flatMap((node) => {
        if (node.type !== 'benefit') return [];
        const benefit = parseNodeConfig('benefit', node.config);
        return benefit.ok ? [benefit.config.poolId] : [];
      }),
    );
    for (const poolId of poolIds) byPool.set(poolId, [...(byPool.get(poolId) ?? []), journey]);
  }
  return byPool;
}

/**
 * `#/settings/budgets`: benefit (权益) pools with their budget and what is left, and the unit costs behind each
 * journey's cost and ROI. Everyone who may read sees them; changing them needs `budgets:edit`.
 */
export function BudgetsSection() {
  const { t } = useTranslation();
  const canEdit = useCan('budgets:edit');
  const pools = useQuery({ queryKey: budgetKeys.pools, queryFn: poolsApi.list });
  const costs = useQuery({ queryKey: budgetKeys.costs, queryFn: costsApi.get });
  // Which journeys grant from a pool: read from their drafts, a hint only (the column stays empty without them).
  const journeys = useQuery({ queryKey: journeyKeys.list(), queryFn: journeysApi.list });
  const usage = useMemo(() => journeys.data && journeysByPool(journeys.data), [journeys.data]);
  const [editing, setEditing] = useState<BenefitPool | 'new'>();
  const poolsHeading = useId();
  const costsHeading = useId();
  const takenIds = useMemo(() => new Set((pools.data ?? []).map((pool) => pool.id)), [pools.data]);

  return (
    <div className="budgets">
      {!canEdit && <p className="banner info">{t('settingsPage.budgets.readOnly')}</p>}
      <section className="settings-block" aria-labelledby={poolsHeading}>
        <div className="list-toolbar">
          <div>
            <h2 id={poolsHeading}>{t('settingsPage.budgets.poolsTitle')}</h2>
            <p className="field-hint">{t('settingsPage.budgets.poolsHint')}</p>
          </div>
          <span className="toolbar-spacer" />
          {canEdit && (
            <button type="button" className="primary-button" onClick={() => setEditing('new')}>
              {t('settingsPage.budgets.newPool')}
            </button>
          )}
        </div>
        {pools.isPending ? (
          <p className="empty-state">{t('settingsPage.budgets.loading')}</p>
        ) : pools.isError ? (
          <LoadFailed title={t('settingsPage.budgets.loadFailed')} error={pools.error} retry={pools.refetch} />
        ) : pools.data.length === 0 ? (
          <p className="empty-state">
            {canEdit ? t('settingsPage.budgets.empty') : t('settingsPage.budgets.emptyReadOnly')}
          </p>
        ) : (
          <PoolTable pools={pools.data} usage={usage} onEdit={canEdit ? setEditing : undefined} />
        )}
      </section>

      <section className="settings-block" aria-labelledby={costsHeading}>
        <h2 id={costsHeading}>{t('settingsPage.budgets.costs.title')}</h2>
        <p className="field-hint">{t('settingsPage.budgets.costs.hint')}</p>
        {costs.isError ? (
          <LoadFailed title={t('settingsPage.budgets.costs.loadFailed')} error={costs.error} retry={costs.refetch} />
        ) : costs.isPending || !pools.isSuccess ? (
          <p className="empty-state">{t('settingsPage.budgets.costs.loading')}</p>
        ) : (
          <UnitCostsForm loaded={costs.data} pools={pools.data} />
        )}
      </section>

      {editing !== undefined && (
        <PoolDialog
          pool={editing === 'new' ? undefined : editing}
          takenIds={takenIds}
          onClose={() => setEditing(undefined)}
        />
      )}
    </div>
  );
}

interface PoolTableProps {
  pools: readonly BenefitPool[];
  /** Journeys by pool id; undefined until the journeys have loaded. */
  usage: Map<string, JourneyRecord[]> | undefined;
  /** Absent for those who may only read. */
  onEdit?: (pool: BenefitPool) => void;
}

function PoolTable({ pools, usage, onEdit }: PoolTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <table className="journey-table pool-table">
      <thead>
        <tr>
          <th scope="col">{t('settingsPage.budgets.columns.pool')}</th>
          <th scope="col" className="number">
            {t('settingsPage.budgets.columns.budget')}
          </th>
          <th scope="col" className="number">
            {t('settingsPage.budgets.columns.granted')}
          </th>
          <th scope="col" className="number">
            {t('settingsPage.budgets.columns.remaining')}
          </th>
          <th scope="col">{t('settingsPage.budgets.columns.used')}</th>
          <th scope="col">{t('settingsPage.budgets.columns.limit')}</th>
          <th scope="col">{t('settingsPage.budgets.columns.journeys')}</th>
          {onEdit && (
            <th scope="col">
              <span className="visually-hidden">{t('settingsPage.budgets.columns.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {pools.map((pool) => {
          const share = pool.budget === 0 ? null : pool.granted / pool.budget;
          const level = pool.remaining <= 0 ? 'exhausted' : pool.remaining < pool.budget * LOW_SHARE ? 'low' : null;
          const using = usage?.get(pool.id);
          return (
            <tr key={pool.id}>
              <th scope="row">
                <div className="pool-name">{pool.name}</div>
                <div className="journey-id">{pool.id}</div>
              </th>
              <td className="number">{formatCount(pool.budget, locale)}</td>
              <td className="number">{formatCount(pool.granted, locale)}</td>
              <td className="number">
                {formatCount(pool.remaining, locale)}
                {level && (
                  <div>
                    <span className={`status-badge pool-${level}`}>{t(`settingsPage.budgets.${level}`)}</span>
                  </div>
                )}
              </td>
              <td className="pool-usage">
                <progress
                  max={Math.max(pool.budget, 1)}
                  value={Math.min(pool.granted, pool.budget)}
                  aria-label={t('settingsPage.budgets.usedOf', { name: pool.name })}
                />
                <span>{formatPercent(share, locale, { digits: 0 })}</span>
              </td>
              <td className="nowrap">
                {pool.perCustomerLimit === null || pool.perCustomerPeriod === null
                  ? t('settingsPage.budgets.noLimit')
                  : t(`settingsPage.budgets.limit.${pool.perCustomerPeriod}`, { count: pool.perCustomerLimit })}
              </td>
              <td className="pool-journeys">
                {usage === undefined ? (
                  NO_FIGURE
                ) : using === undefined ? (
                  <span className="muted">{t('settingsPage.budgets.unused')}</span>
                ) : (
                  <ul>
                    {using.map((journey) => (
                      <li key={journey.id}>
                        <Link href={`/journeys/${encodeURIComponent(journey.id)}`}>{journey.name}</Link>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              {onEdit && (
                <td className="row-actions">
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('settingsPage.budgets.editNamed', { name: pool.name })}
                    onClick={() => onEdit(pool)}
                  >
                    {t('settingsPage.budgets.edit')}
                  </button>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
