import type { TemplateParameter, TemplateValue } from '@journey/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DurationField, Field, NumberInput } from '../inspector/fields';
import { MessagePreview } from '../inspector/MessagePreview';
import type { NamedReference } from './templatesApi';

/** Ties a control to the runtime's complaint about its value. */
interface Described {
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

interface ParameterFieldProps {
  parameter: TemplateParameter;
  value: TemplateValue;
  onChange(value: TemplateValue): void;
  /** What the runtime said about the value, shown at the field. */
  error?: string;
  /** The id of a datalist of event names to suggest. */
  eventList: string;
  benefitPools: readonly NamedReference[];
  segments: readonly NamedReference[];
}

/** One question of a template's form, asked with the control its kind needs. */
export function ParameterField({ parameter, value, error, ...props }: ParameterFieldProps) {
  const errorId = useId();
  const described: Described = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  const hint = (
    <>
      {parameter.hint}
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </>
  );
  const text = String(value);
  const { label } = parameter;
  switch (parameter.kind) {
    case 'event':
      return (
        <Field label={label} hint={hint}>
          <input
            {...described}
            list={props.eventList}
            value={text}
            onChange={(event) => props.onChange(event.target.value)}
          />
        </Field>
      );
    case 'text':
      return (
        <>
          <Field label={label} hint={hint}>
            <textarea {...described} rows={3} value={text} onChange={(event) => props.onChange(event.target.value)} />
          </Field>
          <MessagePreview body={text} />
        </>
      );
    case 'benefitPool':
    case 'segment':
      return (
        <Field label={label} hint={hint}>
          <ReferenceSelect
            {...described}
            value={text}
            options={parameter.kind === 'segment' ? props.segments : props.benefitPools}
            onChange={props.onChange}
          />
        </Field>
      );
    case 'duration':
      return <DurationField legend={label} hint={hint} value={text} onChange={props.onChange} />;
    case 'number':
      return (
        <Field label={label} hint={hint}>
          <NumberInput
            integer={false}
            value={typeof value === 'number' ? value : undefined}
            onChange={props.onChange}
          />
        </Field>
      );
  }
}

/** The runtime's pools or segments; the template's own value stays choosable even where this runtime lacks it. */
function ReferenceSelect({
  value,
  options,
  onChange,
  ...described
}: Described & {
  value: string;
  options: readonly NamedReference[];
  onChange(value: string): void;
}) {
  const { t } = useTranslation();
  const known = options.some((option) => option.id === value);
  return (
    <select {...described} value={value} onChange={(event) => onChange(event.target.value)}>
      {!known && <option value={value}>{t('templates.unknownReference', { id: value })}</option>}
      {options.map((option) => (
        <option key={option.id} value={option.id}>
          {option.name === option.id ? option.id : `${option.name} (${option.id})`}
        </option>
      ))}
    </select>
  );
}
