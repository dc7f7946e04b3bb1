import { durationParts, parseDuration } from '@journey/shared';
import { type InputHTMLAttributes, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type Parsed<T> = { ok: true; value: T } | { ok: false };

/** A caption with its control (the children), and a hint kept outside the label so it is not part of the name. */
export function Field({ label, hint, children }: { label: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      {/* biome-ignore lint/a11y/noLabelWithoutControl: the control is among the children */}
      <label className="field-control">
        <span className="field-label">{label}</span>
        {children}
      </label>
      {hint && <span className="field-hint">{hint}</span>}
    </div>
  );
}

/** Several controls under one caption (a label can name only one control). */
export function FieldGroup({ legend, hint, children }: { legend: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="field field-group">
      <legend className="field-label">{legend}</legend>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
    </fieldset>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="inspector-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  hint?: ReactNode;
  type?: 'text' | 'time';
}

export function TextField({ label, value, onChange, placeholder, hint, type = 'text' }: TextFieldProps) {
  return (
    <Field label={label} hint={hint}>
      <input type={type} value={value} placeholder={placeholder} onChange={(event) => onChange(event.target.value)} />
    </Field>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

interface Option<Value extends string> {
  value: Value;
  label: string;
}

export function Select<Value extends string>({
  value,
  options,
  onChange,
  ...rest
}: {
  value: Value;
  options: readonly Option<Value>[];
  onChange(value: Value): void;
  'aria-label'?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  return (
    <select
      {...rest}
      value={value}
      onChange={(event) => {
        const option = options.find((candidate) => candidate.value === event.target.value);
        if (option) onChange(option.value);
      }}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

export function SelectField<Value extends string>({
  label,
  hint,
  ...select
}: {
  label: string;
  hint?: ReactNode;
  value: Value;
  options: readonly Option<Value>[];
  onChange(value: Value): void;
}) {
  return (
    <Field label={label} hint={hint}>
      <Select {...select} />
    </Field>
  );
}

type ParsedInputProps<T> = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: T;
  format(value: T): string;
  parse(text: string): Parsed<T>;
  onChange(value: T): void;
};

/**
 * An input for a value that is not plain text (a number, a list). It keeps what the user typed, so "1." or
 * an emptied field can be typed through, and passes the value on only when the text parses.
 */
export function ParsedInput<T>({ value, format, parse, onChange, ...input }: ParsedInputProps<T>) {
  const [text, setText] = useState(() => format(value));
  const [shown, setShown] = useState(value);
  if (!Object.is(shown, value)) {
    // Changed from elsewhere (undo, another control): show the new value.
    setShown(value);
    setText(format(value));
  }
  return (
    <input
      {...input}
      value={text}
      aria-invalid={!parse(text).ok}
      onChange={(event) => {
        setText(event.target.value);
        const parsed = parse(event.target.value);
        if (!parsed.ok) return;
        setShown(parsed.value);
        onChange(parsed.value);
      }}
    />
  );
}

const formatNumber = (value: number | undefined) => (value === undefined ? '' : String(value));

function numberParser(options: { optional: boolean; integer: boolean; min?: number; max?: number }) {
  return (text: string): Parsed<number | undefined> => {
    if (text.trim() === '') return options.optional ? { ok: true, value: undefined } : { ok: false };
    const value = Number(text);
    const fits =
      Number.isFinite(value) &&
      (!options.integer || Number.isInteger(value)) &&
      (options.min === undefined || value >= options.min) &&
      (options.max === undefined || value <= options.max);
    return fits ? { ok: true, value } : { ok: false };
  };
}

/** `value` is undefined when there is nothing valid to show; only an optional input may be emptied. */
type NumberValueProps =
  | { optional?: false; value: number | undefined; onChange(value: number): void }
  | { optional: true; value: number | undefined; onChange(value: number | undefined): void };

type NumberInputProps = NumberValueProps & {
  min?: number;
  max?: number;
  /** Whole numbers only (the default). */
  integer?: boolean;
  'aria-label'?: string;
  /** The runtime's complaint about the value, when there is one. */
  'aria-describedby'?: string | undefined;
  placeholder?: string;
};

export function NumberInput({ min, max, integer = true, ...props }: NumberInputProps) {
  const parse = numberParser({ optional: props.optional === true, integer, min, max });
  return (
    <ParsedInput<number | undefined>
      type="number"
      className="number-input"
      aria-label={props['aria-label']}
      aria-describedby={props['aria-describedby']}
      placeholder={props.placeholder}
      min={min}
      max={max}
      step={integer ? 1 : 'any'}
      value={props.value}
      format={formatNumber}
      parse={parse}
      onChange={(value) => {
        if (props.optional) props.onChange(value);
        else if (value !== undefined) props.onChange(value);
      }}
    />
  );
}

export function NumberField({ label, hint, ...input }: NumberInputProps & { label: string; hint?: ReactNode }) {
  return (
    <Field label={label} hint={hint}>
      <NumberInput {...input} />
    </Field>
  );
}

// ---- durations ------------------------------------------------------------------------------

const durationUnits = ['minutes', 'hours', 'days', 'weeks', 'months'] as const;
type DurationUnit = (typeof durationUnits)[number];

function composeDuration(amount: number, unit: DurationUnit): string {
  switch (unit) {
    case 'minutes':
      return `PT${amount}M`;
    case 'hours':
      return `PT${amount}H`;
    case 'days':
      return `P${amount}D`;
    case 'weeks':
      return `P${amount}W`;
    case 'months':
      return `P${amount}M`;
  }
}

/** `P3D` → 3 days; undefined for anything the amount-and-unit inputs cannot show (`P1DT12H`, `PT30S`). */
function splitDuration(iso: string | undefined): { amount: number; unit: DurationUnit } | undefined {
  const parsed = parseDuration(iso);
  if (!parsed.ok) return undefined;
  const parts = durationParts(parsed.duration);
  const [part] = parts;
  const unit = durationUnits.find((candidate) => candidate === part?.unit);
  return parts.length === 1 && part && unit && Number.isInteger(part.amount)
    ? { amount: part.amount, unit }
    : undefined;
}

type DurationValueProps =
  | { optional?: false; value: string; onChange(value: string): void }
  | { optional: true; value: string | undefined; onChange(value: string | undefined): void };

/** An ISO-8601 duration edited as an amount and a unit. */
export function DurationField({ legend, hint, ...props }: DurationValueProps & { legend: string; hint?: ReactNode }) {
  const { t } = useTranslation();
  const split = splitDuration(props.value);
  const [unit, setUnit] = useState<DurationUnit>(split?.unit ?? 'days');
  if (split && split.unit !== unit) setUnit(split.unit);
  const emit = (amount: number | undefined, nextUnit: DurationUnit) => {
    const iso = amount === undefined ? undefined : composeDuration(amount, nextUnit);
    if (props.optional) props.onChange(iso);
    else if (iso !== undefined) props.onChange(iso);
  };
  const custom = props.value && !split ? t('fields.customDuration', { value: props.value }) : undefined;
  const amount = { min: 1, 'aria-label': t('fields.amount'), value: split?.amount };
  return (
    <FieldGroup legend={legend} hint={custom ?? hint}>
      <div className="inline-controls">
        {props.optional ? (
          <NumberInput {...amount} optional placeholder={t('fields.none')} onChange={(next) => emit(next, unit)} />
        ) : (
          <NumberInput {...amount} onChange={(next) => emit(next, unit)} />
        )}
        <Select
          aria-label={t('fields.unit')}
          value={unit}
          options={durationUnits.map((value) => ({ value, label: t(`units.${value}`) }))}
          onChange={(next) => {
            setUnit(next);
            if (split) emit(split.amount, next);
          }}
        />
      </div>
    </FieldGroup>
  );
}
