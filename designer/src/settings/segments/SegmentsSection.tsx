import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type JourneyRecord, journeyKeys, journeysApi } from '../../api/journeys';
import { useCan } from '../../app/useCan';
import { useLocale } from '../../i18n';
import { formatCount, NO_FIGURE } from '../../live/format';
import { SearchInput } from '../../ui/SearchInput';
import { StatusBadge } from '../../ui/StatusBadge';
import { NewSegmentDialog } from './NewSegmentDialog';
import { SegmentDetail } from './SegmentDetail';
import { segmentKeys, segmentsApi } from './segmentsApi';
import { journeysBySegment } from './segmentUsage';
import './segments.css';
import { LoadFailed } from '../../ui/LoadFailed';

const noJourneys: readonly JourneyRecord[] = [];

/**
 * `#/settings/segments`: the customer segments that segment-triggered journeys enter, with how many customers
 * match now and which journeys use each. Segments are created here and never changed, so a live journey's
 * audience rule stays the one it was published with.
 */
export function SegmentsSection() {
  const { t } = useTranslation();
  const canCreate = useCan('segments:edit');
  const titleId = useId();
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string>();
  const [creating, setCreating] = useState(false);
  const segments = useQuery({ queryKey: segmentKeys.list, queryFn: segmentsApi.list });
  const journeys = useQuery({ queryKey: journeyKeys.list(), queryFn: journeysApi.list });
  const usage = useMemo(() => journeysBySegment(journeys.data ?? []), [journeys.data]);
  const takenIds = useMemo(() => new Set((segments.data ?? []).map((segment) => segment.id)), [segments.data]);
  const needle = search.trim().toLowerCase();
  const shown = (segments.data ?? []).filter(
    (segment) => segment.name.toLowerCase().includes(needle) || segment.id.toLowerCase().includes(needle),
  );
  const selected = segments.data?.find((segment) => segment.id === selectedId);

  return (
    <section className="segments-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('settingsPage.sections.segments')}</h2>
      <p className="muted segments-intro">{t('settingsPage.segments.intro')}</p>
      {!canCreate && <p className="banner info">{t('settingsPage.segments.readOnly')}</p>}
      <div className="list-toolbar">
        <SearchInput label={t('settingsPage.segments.search')} value={search} onChange={setSearch} />
        <span className="toolbar-spacer" />
        {canCreate && (
          <button type="button" className="primary-button" onClick={() => setCreating(true)}>
            {t('settingsPage.segments.new')}
          </button>
        )}
      </div>
      <div className="segments-layout">
        <div>
          {segments.isPending ? (
            <p className="empty-state">{t('settingsPage.segments.loading')}</p>
          ) : segments.isError ? (
            <LoadFailed title={t('settingsPage.segments.loadFailed')} error={segments.error} retry={segments.refetch} />
          ) : shown.length === 0 ? (
            <p className="empty-state">
              {segments.data.length > 0
                ? t('settingsPage.segments.noMatch')
                : canCreate
                  ? t('settingsPage.segments.empty')
                  : t('settingsPage.segments.emptyReadOnly')}
            </p>
          ) : (
            <table className="journey-table segments-table">
              <thead>
                <tr>
                  <th scope="col">{t('settingsPage.segments.name')}</th>
                  <th scope="col">{t('settingsPage.segments.id')}</th>
                  <th scope="col" className="number">
                    {t('settingsPage.segments.customers')}
                  </th>
                  <th scope="col">{t('settingsPage.segments.usedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((segment) => (
                  <tr key={segment.id} className={segment.id === selectedId ? 'selected' : undefined}>
                    <td>
                      <button
                        type="button"
                        className="link-button journey-link"
                        aria-pressed={segment.id === selectedId}
                        onClick={() => setSelectedId(segment.id)}
                      >
                        {segment.name}
                      </button>
                    </td>
                    <td>
                      <code>{segment.id}</code>
                    </td>
                    <td className="number">
                      <CustomerCount segmentId={segment.id} />
                    </td>
                    <td>
                      <JourneyLinks journeys={usage.get(segment.id) ?? noJourneys} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <aside className="segment-detail" aria-label={t('settingsPage.segments.detail')}>
          {selected ? (
            <SegmentDetail
              segment={selected}
              count={<CustomerCount segmentId={selected.id} />}
              journeys={<JourneyLinks journeys={usage.get(selected.id) ?? noJourneys} />}
            />
          ) : (
            <p className="muted">{t('settingsPage.segments.pick')}</p>
          )}
        </aside>
      </div>
      {creating && (
        <NewSegmentDialog
          takenIds={takenIds}
          onCancel={() => setCreating(false)}
          onCreated={(segment) => {
            setCreating(false);
            setSelectedId(segment.id);
          }}
        />
      )}
    </section>
  );
}

/** How many customers match now; each segment is counted on its own, so a slow count holds up no other row. */
export function CustomerCount({ segmentId }: { segmentId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const count = useQuery({ queryKey: segmentKeys.count(segmentId), queryFn: () => segmentsApi.count(segmentId) });
  if (count.isPending) return <span className="muted">{t('settingsPage.segments.counting')}</span>;
  if (count.isError) {
    return (
      <span className="muted" title={`${t('settingsPage.segments.countFailed')}: ${count.error.message}`}>
        {NO_FIGURE}
      </span>
    );
  }
  return <span>{formatCount(count.data, locale)}</span>;
}

/** The journeys entering from a segment, each linked to its editor with its status. */
function JourneyLinks({ journeys }: { journeys: readonly JourneyRecord[] }) {
  const { t } = useTranslation();
  if (journeys.length === 0) return <span className="muted">{t('settingsPage.segments.unused')}</span>;
  return (
    <ul className="segment-journeys">
      {journeys.map((journey) => (
        <li key={journey.id}>
          <Link href={`/journeys/${encodeURIComponent(journey.id)}`}>{journey.name}</Link>{' '}
          <StatusBadge status={journey.status} />
        </li>
      ))}
    </ul>
  );
}
