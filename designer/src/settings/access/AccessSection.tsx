import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi, authKeys } from '../../api/auth';
import { useLocale } from '../../i18n';
import { CheckboxField } from '../../inspector/fields';
import { formatDateTime, formatRelative } from '../../ui/format';
import { SearchInput } from '../../ui/SearchInput';
import { type ApiKey, accessApi, accessKeys } from './accessApi';
import { NewKeyDialog } from './NewKeyDialog';
import { RevokeKeyDialog } from './RevokeKeyDialog';
import { useRoleText } from './roleText';
import { SettingSwitch } from './SettingSwitch';
import './access.css';
import { LoadFailed } from '../../ui/LoadFailed';

/** `#/settings/access`: the API keys of people and systems with their roles, maker-checker and creative approval. */
export function AccessSection() {
  return (
    <div className="access-section">
      <SettingSwitch name="makerChecker" />
      <SettingSwitch name="creativeApproval" />
      <ApiKeyList />
    </div>
  );
}

function ApiKeyList() {
  const { t } = useTranslation();
  // Who is signed in, as the sign-in gate asked: their own key is marked, and revoking it is warned about.
  const me = useQuery({ queryKey: authKeys.me, queryFn: authApi.me, enabled: false });
  const keys = useQuery({ queryKey: accessKeys.keys, queryFn: accessApi.keys });
  const [search, setSearch] = useState('');
  const [hideRevoked, setHideRevoked] = useState(false);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey>();
  const all = keys.data ?? [];
  const wanted = search.trim().toLocaleLowerCase();
  const shown = all.filter(
    (key) => !(hideRevoked && key.revokedAt !== null) && key.name.toLocaleLowerCase().includes(wanted),
  );
  const revokedCount = all.filter((key) => key.revokedAt !== null).length;
  const ownKeyId = me.data?.keyId ?? null;
  const titleId = useId();

  return (
    <section className="access-keys" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('settingsPage.access.keysTitle')}</h2>
      <p className="muted">{t('settingsPage.access.keysHint')}</p>
      {me.data?.keyId === null && <p className="banner info">{t('settingsPage.access.authOff')}</p>}
      <div className="list-toolbar">
        <SearchInput label={t('settingsPage.access.search')} value={search} onChange={setSearch} />
        <CheckboxField label={t('settingsPage.access.hideRevoked')} checked={hideRevoked} onChange={setHideRevoked} />
        <span className="toolbar-spacer" />
        {keys.isSuccess && (
          <span className="muted">
            {t('settingsPage.access.counts', { active: all.length - revokedCount, revoked: revokedCount })}
          </span>
        )}
        <button type="button" className="primary-button" onClick={() => setCreating(true)}>
          {t('settingsPage.access.new')}
        </button>
      </div>
      {keys.isPending ? (
        <p className="empty-state">{t('settingsPage.access.loading')}</p>
      ) : keys.isError ? (
        <LoadFailed title={t('settingsPage.access.loadFailed')} error={keys.error} retry={keys.refetch} />
      ) : shown.length === 0 ? (
        <p className="empty-state">
          {all.length === 0 ? t('settingsPage.access.empty') : t('settingsPage.access.noMatch')}
        </p>
      ) : (
        <KeyTable keys={shown} ownKeyId={ownKeyId} onRevoke={setRevoking} />
      )}
      {creating && <NewKeyDialog onClose={() => setCreating(false)} />}
      {revoking && (
        <RevokeKeyDialog apiKey={revoking} own={revoking.id === ownKeyId} onClose={() => setRevoking(undefined)} />
      )}
    </section>
  );
}

function KeyTable({
  keys,
  ownKeyId,
  onRevoke,
}: {
  keys: readonly ApiKey[];
  ownKeyId: string | null;
  onRevoke(key: ApiKey): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const roleText = useRoleText();
  return (
    <table className="journey-table access-table">
      <thead>
        <tr>
          <th scope="col">{t('settingsPage.access.columns.name')}</th>
          <th scope="col">{t('settingsPage.access.columns.role')}</th>
          <th scope="col">{t('settingsPage.access.columns.created')}</th>
          <th scope="col">{t('settingsPage.access.columns.lastUsed')}</th>
          <th scope="col">{t('settingsPage.access.columns.status')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('settingsPage.access.columns.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id} className={key.revokedAt === null ? undefined : 'revoked'}>
            <td>
              <strong>{key.name}</strong>
              {key.id === ownKeyId && (
                <span className="status-badge access-you" title={t('settingsPage.access.youHint')}>
                  {t('settingsPage.access.you')}
                </span>
              )}
            </td>
            <td>
              <div className="access-role">{roleText.name(key.role)}</div>
              <div className="muted access-role-explanation">{roleText.explanation(key.role)}</div>
            </td>
            <td className="nowrap">
              {formatDateTime(key.createdAt, locale)}
              <div className="muted">
                {key.createdBy === null
                  ? t('settingsPage.access.atFirstStart')
                  : t('settingsPage.access.createdBy', { name: key.createdBy })}
              </div>
            </td>
            <td className="nowrap">
              {key.lastUsedAt === null ? (
                <span className="muted">{t('settingsPage.access.never')}</span>
              ) : (
                <span title={formatDateTime(key.lastUsedAt, locale)}>{formatRelative(key.lastUsedAt, locale)}</span>
              )}
            </td>
            <td className="nowrap">
              {key.revokedAt === null ? (
                <span className="status-badge status-live">{t('settingsPage.access.active')}</span>
              ) : (
                <>
                  <span className="status-badge status-archived">{t('settingsPage.access.revokedStatus')}</span>
                  <div>{formatDateTime(key.revokedAt, locale)}</div>
                </>
              )}
            </td>
            <td className="row-actions">
              {key.revokedAt === null && (
                <button
                  type="button"
                  className="link-button danger"
                  aria-label={t('settingsPage.access.revokeNamed', { name: key.name })}
                  onClick={() => onRevoke(key)}
                >
                  {t('settingsPage.access.revoke')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
