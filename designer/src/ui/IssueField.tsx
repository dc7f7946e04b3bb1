import { type ReactNode, useId } from 'react';
import { Field } from '../inspector/fields';
import { ErrorDetails } from './ErrorDetails';

/** Ties a control to what the runtime said about its value. */
export interface Described {
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

interface IssueFieldProps {
  label: string;
  hint?: ReactNode;
  /** The runtime's (or the form's own) complaint, shown under the control instead of the hint. */
  error?: string | undefined;
  children(described: Described): ReactNode;
}

/** A field whose control is marked invalid and described by the complaint about it. */
export function IssueField({ label, hint, error, children }: IssueFieldProps) {
  const errorId = useId();
  return (
    <Field
      label={label}
      hint={
        error ? (
          <span id={errorId} className="field-error">
            {error}
          </span>
        ) : (
          hint
        )
      }
    >
      {children(error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {})}
    </Field>
  );
}

/** The part of a refusal that names no field, above the form. */
export function GeneralIssue({ title, error }: { title: string; error: unknown }) {
  return (
    <div className="banner error" role="alert">
      <div>
        <strong>{title}</strong>
        <ErrorDetails error={error} />
      </div>
    </div>
  );
}
