import type { Condition } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { ConditionEditor, emptyRule } from '../ConditionEditor';
import { CheckboxField } from '../fields';

/** An optional `where` filter: a checkbox that reveals a condition editor. */
export function OptionalCondition({
  label,
  value,
  onChange,
}: {
  label: string;
  value: Condition | undefined;
  onChange(condition: Condition | undefined): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <CheckboxField
        label={label}
        checked={value !== undefined}
        onChange={(on) => onChange(on ? { all: [emptyRule] } : undefined)}
      />
      {value && <ConditionEditor value={value} onChange={onChange} />}
      {value && <span className="field-hint">{t('condition.whereHint')}</span>}
    </div>
  );
}
