import type { Condition } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { formatScalar } from '../../inspector/scalars';

/** A condition in words, groups as nested lists: "All of these: age at least 30; has tag payroll". */
export function ConditionText({ condition }: { condition: Condition }) {
  const { t } = useTranslation();
  if ('not' in condition) {
    return (
      <div className="condition-text">
        <span className="condition-text-mode">{t('condition.negate')}</span>
        <ConditionText condition={condition.not} />
      </div>
    );
  }
  if ('all' in condition || 'any' in condition) {
    const [mode, items] = 'all' in condition ? (['all', condition.all] as const) : (['any', condition.any] as const);
    if (items.length === 0) return <p className="muted">{t('condition.emptyGroup')}</p>;
    return (
      <div className="condition-text">
        <span className="condition-text-mode">{t(`condition.modes.${mode}`)}</span>
        <ul>
          {items.map((item, index) => (
            // Conditions have no ids; a segment's condition never changes, so positions are stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index}>
              <ConditionText condition={item} />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if ('hasTag' in condition) {
    return (
      <span>
        {t('condition.subjects.hasTag')} <code>{condition.hasTag}</code>
      </span>
    );
  }
  const subject = 'attr' in condition ? condition.attr : condition.event;
  const { op, value } = condition;
  const shown =
    op === 'between' && Array.isArray(value)
      ? value.map((item) => formatScalar(item)).join(' – ')
      : formatScalar(value);
  return (
    <span>
      <code>{subject}</code> {t(`condition.ops.${op}`)}
      {op !== 'exists' && <strong> {shown}</strong>}
    </span>
  );
}
