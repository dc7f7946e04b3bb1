import {
  type AttrComparison,
  type ComparisonOp,
  type Condition,
  type ConditionValue,
  comparisonOps,
  type EventComparison,
  type HasTag,
  type Scalar,
} from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { type Parsed, ParsedInput, Select } from './fields';
import { formatScalar, parseScalar, scalarInput } from './scalars';

/** Groups nest one level in the editor (deeper nesting in a document is still shown and editable). */
const MAX_DEPTH = 1;

type Rule = AttrComparison | EventComparison | HasTag;
type RuleSubject = 'attr' | 'event' | 'hasTag';
type GroupMode = 'all' | 'any';

/** Any condition seen as "(not) all/any of these items": a single rule is a group of one. */
interface Group {
  negate: boolean;
  mode: GroupMode;
  items: Condition[];
}

const isGroup = (condition: Condition): condition is Exclude<Condition, Rule> =>
  'all' in condition || 'any' in condition || 'not' in condition;

function toGroup(condition: Condition): Group {
  if ('not' in condition) {
    const inner = toGroup(condition.not);
    return { ...inner, negate: !inner.negate };
  }
  if ('all' in condition) return { negate: false, mode: 'all', items: condition.all };
  if ('any' in condition) return { negate: false, mode: 'any', items: condition.any };
  return { negate: false, mode: 'all', items: [condition] };
}

function fromGroup({ negate, mode, items }: Group): Condition {
  const group: Condition = mode === 'all' ? { all: items } : { any: items };
  return negate ? { not: group } : group;
}

export const emptyRule: Rule = { attr: '', op: 'eq', value: '' };

// ---- values ---------------------------------------------------------------------------------

const listInput = (text: string): Parsed<ConditionValue | undefined> => ({
  ok: true,
  value: text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map(parseScalar),
});

/** Keeps what can be kept of a value when the operator changes shape (single, list, range, none). */
function valueForOp(op: ComparisonOp, value: ConditionValue | undefined): ConditionValue | undefined {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  if (op === 'exists') return undefined;
  if (op === 'in' || op === 'notIn') return items;
  if (op === 'between') return [items[0] ?? null, items[1] ?? null];
  return items[0] ?? '';
}

function RuleValue({ rule, onChange }: { rule: AttrComparison | EventComparison; onChange(rule: Rule): void }) {
  const { t } = useTranslation();
  const setValue = (value: ConditionValue | undefined) => onChange({ ...rule, value });
  if (rule.op === 'exists') return null;
  if (rule.op === 'between') {
    const [low = null, high = null] = Array.isArray(rule.value) ? rule.value : [];
    return (
      <span className="inline-controls">
        <ParsedInput<Scalar>
          aria-label={t('condition.from')}
          value={low}
          format={formatScalar}
          parse={scalarInput}
          onChange={(value) => setValue([value, high])}
        />
        <span className="muted">–</span>
        <ParsedInput<Scalar>
          aria-label={t('condition.to')}
          value={high}
          format={formatScalar}
          parse={scalarInput}
          onChange={(value) => setValue([low, value])}
        />
      </span>
    );
  }
  const list = rule.op === 'in' || rule.op === 'notIn';
  return (
    <ParsedInput<ConditionValue | undefined>
      aria-label={t('condition.value')}
      placeholder={list ? t('condition.listPlaceholder') : undefined}
      value={rule.value}
      format={formatScalar}
      parse={list ? listInput : scalarInput}
      onChange={setValue}
    />
  );
}

function RemoveButton({ onClick }: { onClick(): void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={t('condition.removeItem')}
      title={t('condition.removeItem')}
      onClick={onClick}
    >
      ×
    </button>
  );
}

interface ItemEditorProps<Value> {
  value: Value;
  onChange(value: Value): void;
  /** Absent for the outermost group, which cannot be removed. */
  onRemove?: () => void;
  /** False where no event is in scope (a segment): rules compare profile attributes and tags only. */
  allowEventProperties?: boolean;
}

function RuleEditor({ value: rule, onChange, onRemove, allowEventProperties = true }: ItemEditorProps<Rule>) {
  const { t } = useTranslation();
  const subject: RuleSubject = 'hasTag' in rule ? 'hasTag' : 'event' in rule ? 'event' : 'attr';
  const name = 'hasTag' in rule ? rule.hasTag : 'event' in rule ? rule.event : rule.attr;
  const comparison = 'hasTag' in rule ? undefined : rule;
  const withSubject = (next: RuleSubject, nextName: string): Rule => {
    if (next === 'hasTag') return { hasTag: nextName };
    const { op, value } = comparison ?? { op: 'eq' as const, value: '' };
    return next === 'attr' ? { attr: nextName, op, value } : { event: nextName, op, value };
  };
  return (
    <div className="rule">
      <Select
        aria-label={t('condition.subject')}
        value={subject}
        options={(['attr', 'event', 'hasTag'] as const)
          .filter((value) => allowEventProperties || value !== 'event' || subject === 'event')
          .map((value) => ({ value, label: t(`condition.subjects.${value}`) }))}
        onChange={(next) => onChange(withSubject(next, name))}
      />
      <input
        aria-label={t(`condition.names.${subject}`)}
        placeholder={t(`condition.names.${subject}`)}
        value={name}
        onChange={(event) => onChange(withSubject(subject, event.target.value))}
      />
      {onRemove && <RemoveButton onClick={onRemove} />}
      {comparison && (
        <>
          <Select
            aria-label={t('condition.operator')}
            value={comparison.op}
            options={comparisonOps.map((value) => ({ value, label: t(`condition.ops.${value}`) }))}
            onChange={(op) => onChange({ ...comparison, op, value: valueForOp(op, comparison.value) })}
          />
          <div className="rule-value">
            <RuleValue rule={comparison} onChange={onChange} />
          </div>
        </>
      )}
    </div>
  );
}

/** A group of rules and nested groups; a single rule is shown as a group of one. */
export function ConditionEditor({
  value,
  onChange,
  onRemove,
  allowEventProperties = true,
  depth = 0,
}: ItemEditorProps<Condition> & { depth?: number }) {
  const { t } = useTranslation();
  const group = toGroup(value);
  const update = (patch: Partial<Group>) => onChange(fromGroup({ ...group, ...patch }));
  const itemProps = (index: number) => ({
    onChange: (item: Condition) => update({ items: group.items.map((current, i) => (i === index ? item : current)) }),
    onRemove: () => update({ items: group.items.filter((_, i) => i !== index) }),
    allowEventProperties,
  });
  return (
    <div className={`condition-group depth-${depth}`}>
      <div className="inline-controls condition-group-header">
        <Select
          aria-label={t('condition.mode')}
          value={group.mode}
          options={(['all', 'any'] as const).map((mode) => ({ value: mode, label: t(`condition.modes.${mode}`) }))}
          onChange={(mode) => update({ mode })}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={group.negate}
            onChange={(event) => update({ negate: event.target.checked })}
          />
          <span>{t('condition.negate')}</span>
        </label>
        {onRemove && <RemoveButton onClick={onRemove} />}
      </div>
      {group.items.length === 0 && <p className="field-hint">{t('condition.emptyGroup')}</p>}
      {group.items.map((item, index) =>
        isGroup(item) ? (
          // Items have no ids; their position is their identity while editing.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <ConditionEditor key={index} value={item} depth={depth + 1} {...itemProps(index)} />
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <RuleEditor key={index} value={item} {...itemProps(index)} />
        ),
      )}
      <div className="inline-controls">
        <button type="button" className="link-button" onClick={() => update({ items: [...group.items, emptyRule] })}>
          + {t('condition.addRule')}
        </button>
        {depth < MAX_DEPTH && (
          <button
            type="button"
            className="link-button"
            onClick={() => update({ items: [...group.items, { any: [emptyRule] }] })}
          >
            + {t('condition.addGroup')}
          </button>
        )}
      </div>
    </div>
  );
}
