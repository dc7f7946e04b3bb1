import { diffJourneys, type JourneyDocument } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { changeSentences } from './changeSentences';

/** What changed from `before` to `after`, one sentence per change; layout is never a change. */
export function useChangeSentences(before: JourneyDocument | undefined, after: JourneyDocument): string[] {
  const { t } = useTranslation();
  const locale = useLocale();
  return before ? changeSentences(diffJourneys(before, after), before, after, t, locale) : [];
}

export function ChangeList({ sentences }: { sentences: readonly string[] }) {
  return (
    <ul className="change-list">
      {sentences.map((sentence, index) => (
        // Two steps may share a type and a label, so two sentences can read alike; their order is stable.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={index}>{sentence}</li>
      ))}
    </ul>
  );
}
