import { type Channel, channelLabels, channels } from '@journey/shared';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { PageHeader } from '../app/PageHeader';
import { useCan } from '../app/useCan';
import { useLocale } from '../i18n';
import { Select } from '../inspector/fields';
import { formatDateTime, formatRelative } from '../ui/format';
import { ApprovalBadge } from './CreativeApproval';
import { creativeHref } from './CreativeChoice';
import { ExistingCreative, NewCreative } from './CreativeEditor';
import { creativeKeys, creativesApi, listedCreatives } from './creativesApi';
import { firstLine, matchesSearch } from './creativeText';
import './creatives.css';
import { LoadFailed } from '../ui/LoadFailed';
import { SearchInput } from '../ui/SearchInput';

/**
 * The message library (`#/creatives`, one open at `#/creatives/:id`): texts written once and chosen in any
 * journey's message steps. The list filters by channel and searches names and text; the editor sits beside it.
 */
export function CreativesPage({ creativeId }: { creativeId?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [, navigate] = useLocation();
  const canEdit = useCan('journeys:edit');
  const [search, setSearch] = useState('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [creating, setCreating] = useState(false);
  const creatives = useQuery({ queryKey: creativeKeys.list(), queryFn: creativesApi.list, select: listedCreatives });
  const takenIds = useMemo(() => new Set((creatives.data ?? []).map((creative) => creative.id)), [creatives.data]);
  const shown = (creatives.data ?? []).filter(
    (creative) => (channel === '' || creative.channel === channel) && matchesSearch(creative, search),
  );
  const editing = creativeId ?? (creating ? null : undefined);

  return (
    <div className="page">
      <PageHeader title={t('creatives.title')} />
      <main className="page-body creatives-layout">
        <section aria-label={t('creatives.title')}>
          <div className="list-toolbar">
            <SearchInput label={t('creatives.search')} value={search} onChange={setSearch} />
            <Select<Channel | ''>
              aria-label={t('creatives.channelFilter')}
              value={channel}
              options={[
                { value: '', label: t('creatives.allChannels') },
                ...channels.map((option) => ({ value: option, label: channelLabels[option][locale] })),
              ]}
              onChange={setChannel}
            />
            <span className="toolbar-spacer" />
            {canEdit && (
              <button
                type="button"
                className="primary-button"
                onClick={() => {
                  setCreating(true);
                  navigate('/creatives');
                }}
              >
                {t('creatives.new')}
              </button>
            )}
          </div>
          {creatives.isPending ? (
            <p className="empty-state">{t('creatives.loading')}</p>
          ) : creatives.isError ? (
            <LoadFailed title={t('creatives.loadFailed')} error={creatives.error} retry={creatives.refetch} />
          ) : shown.length === 0 ? (
            <p className="empty-state">{creatives.data.length === 0 ? t('creatives.empty') : t('creatives.noMatch')}</p>
          ) : (
            <table className="journey-table creative-table">
              <thead>
                <tr>
                  <th scope="col">{t('creatives.name')}</th>
                  <th scope="col">{t('message.channel')}</th>
                  <th scope="col">{t('message.body')}</th>
                  <th scope="col">{t('creatives.approval.column')}</th>
                  <th scope="col">{t('creatives.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((creative) => (
                  <tr key={creative.id} className={creative.id === creativeId ? 'selected' : undefined}>
                    <td>
                      <Link
                        href={creativeHref(creative.id)}
                        className="journey-link"
                        aria-current={creative.id === creativeId ? 'page' : undefined}
                        onClick={() => setCreating(false)}
                      >
                        {creative.name}
                      </Link>
                    </td>
                    <td className="nowrap">{channelLabels[creative.channel][locale]}</td>
                    <td className="creative-first-line">{firstLine(creative.body)}</td>
                    <td className="nowrap">
                      <ApprovalBadge approval={creative.approval} />
                    </td>
                    <td className="nowrap" title={formatDateTime(creative.updatedAt, locale)}>
                      {formatRelative(creative.updatedAt, locale)}
                      {creative.updatedBy && <div className="muted">{creative.updatedBy}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="creative-editor">
          {editing === undefined ? (
            <p className="muted">{canEdit ? t('creatives.pick') : t('creatives.pickReadOnly')}</p>
          ) : editing === null ? (
            <NewCreative
              takenIds={takenIds}
              onCreated={(id) => {
                setCreating(false);
                navigate(creativeHref(id));
              }}
            />
          ) : (
            <ExistingCreative key={editing} id={editing} onDeleted={() => navigate('/creatives')} />
          )}
        </section>
      </main>
    </div>
  );
}
