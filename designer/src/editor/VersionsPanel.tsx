import type { JourneyDocument } from '@journey/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { journeyKeys, journeysApi } from '../api/journeys';
import { useResolvedDraft } from '../creatives/useCreatives';
import { useLocale } from '../i18n';
import { ErrorDetails } from '../ui/ErrorDetails';
import { formatDateTime } from '../ui/format';
import { ChangeList, useChangeSentences } from './ChangeList';
import { selectLiveVersion, useLoadedJourney } from './useJourneyRecord';

/** What can be compared: a published version by number, or the draft being edited. */
type Choice = number | 'draft';

interface Comparable {
  choice: Choice;
  title: string;
  document: JourneyDocument;
}

/** Newest first, the draft above all versions. */
const order = (choice: Choice) => (choice === 'draft' ? Number.POSITIVE_INFINITY : choice);

/** Published versions with who and when; tick two (or a version and the draft) to read what changed. */
export function VersionsPanel({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const liveVersion = useLoadedJourney(journeyId, selectLiveVersion);
  // Versions hold their creatives' words, so the draft is compared with its creatives resolved too.
  const draft = useResolvedDraft();
  const versions = useQuery({
    queryKey: journeyKeys.versions(journeyId),
    queryFn: () => journeysApi.versions(journeyId),
  });
  const [selected, setSelected] = useState<Choice[]>([]);

  if (versions.isPending) return <p className="panel-note">{t('versions.loading')}</p>;
  if (versions.isError) return <ErrorDetails error={versions.error} />;

  const comparables: Comparable[] = [
    { choice: 'draft', title: t('versions.draft'), document: draft },
    ...versions.data.toReversed().map((version) => ({
      choice: version.version,
      title: t('versions.version', { version: version.version }),
      document: version.document,
    })),
  ];
  // Ticking a third choice lets go of the oldest tick.
  const toggle = (choice: Choice) =>
    setSelected((current) =>
      current.includes(choice) ? current.filter((c) => c !== choice) : [...current, choice].slice(-2),
    );
  const [older, newer] = selected
    .map((choice) => comparables.find((comparable) => comparable.choice === choice))
    .filter((comparable) => comparable !== undefined)
    .sort((a, b) => order(a.choice) - order(b.choice));

  return (
    <div className="versions">
      <p className="panel-hint">{versions.data.length === 0 ? t('versions.none') : t('versions.hint')}</p>
      <ul className="version-list">
        {comparables.map(({ choice, title }) => {
          const version = versions.data.find((candidate) => candidate.version === choice);
          return (
            <li key={choice}>
              <label className="version-item">
                <input type="checkbox" checked={selected.includes(choice)} onChange={() => toggle(choice)} />
                <span className="version-title">
                  {title}
                  {choice === liveVersion && <span className="status-badge status-live">{t('versions.live')}</span>}
                </span>
                <span className="version-meta">
                  {version
                    ? t('versions.published', {
                        when: formatDateTime(version.publishedAt, locale),
                        who: version.publishedBy ?? t('versions.unknownPublisher'),
                      })
                    : t('versions.draftMeta')}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {older && newer && <Comparison older={older} newer={newer} />}
    </div>
  );
}

function Comparison({ older, newer }: { older: Comparable; newer: Comparable }) {
  const { t } = useTranslation();
  const sentences = useChangeSentences(older.document, newer.document);
  return (
    <section className="comparison" aria-label={t('versions.comparison')}>
      <h3>{t('versions.from', { older: older.title, newer: newer.title })}</h3>
      {sentences.length === 0 ? <p className="muted">{t('versions.same')}</p> : <ChangeList sentences={sentences} />}
    </section>
  );
}
