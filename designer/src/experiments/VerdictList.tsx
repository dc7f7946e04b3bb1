import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { formatCount, formatMoney, formatPercent } from '../live/format';
import type { Verdict } from './verdict';

/** Each verdict as a sentence. */
export function VerdictList({ verdicts }: { verdicts: Verdict[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sentence = (verdict: Verdict): string => {
    switch (verdict.kind) {
      case 'beats':
        return t('experiments.verdict.beats', {
          winner: verdict.winner,
          loser: verdict.loser,
          confidence: formatPercent(verdict.confidence, locale),
        });
      case 'noDifferenceYet':
        return t('experiments.verdict.noDifferenceYet', {
          variant: verdict.variant,
          control: verdict.control,
          more: formatCount(verdict.morePerVariant, locale),
        });
      case 'alike':
        return t('experiments.verdict.alike', { variant: verdict.variant, control: verdict.control });
      case 'waiting':
        return t('experiments.verdict.waiting', { variant: verdict.variant, control: verdict.control });
      case 'costlier':
        return t('experiments.verdict.costlier', {
          converter: verdict.converter,
          other: verdict.other,
          extra: formatMoney(verdict.extraCostPerConversion, locale),
        });
    }
  };
  return (
    <ul className="verdicts">
      {verdicts.map((verdict) => {
        const text = sentence(verdict);
        return (
          <li key={text} className={`verdict verdict-${verdict.kind}`}>
            {text}
          </li>
        );
      })}
    </ul>
  );
}
