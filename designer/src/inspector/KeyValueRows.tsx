import type { Scalar } from '@journey/shared';
import { useId } from 'react';
import { uniqueId } from '../store/documentOps';
import { ParsedInput } from './fields';
import { formatScalar, scalarInput } from './scalars';

export type Entry = [key: string, value: Scalar];

interface KeyValueRowsProps {
  entries: readonly Entry[];
  onChange(entries: Entry[]): void;
  labels: { key: string; value: string; remove: string; add: string; empty: string };
  /** What a new row's key starts as ("attribute" → "attribute-1"). */
  newKey: string;
  /** Keys to offer while typing one. */
  suggestions?: readonly string[];
}

/** Attribute-like rows, `key = value` each, values typed as numbers, true/false or text. */
export function KeyValueRows({ entries, onChange, labels, newKey, suggestions = [] }: KeyValueRowsProps) {
  const listId = useId();
  const replace = (index: number, entry: Entry) =>
    onChange(entries.map((current, i) => (i === index ? entry : current)));
  const add = () => onChange([...entries, [uniqueId(newKey, new Set(entries.map(([key]) => key))), '']]);
  return (
    <>
      {entries.length === 0 && <span className="field-hint">{labels.empty}</span>}
      {suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
      {entries.map(([key, value], index) => (
        // Rows are keyed by position: the key itself is what the user is editing.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={index} className="inline-controls key-value">
          <input
            aria-label={labels.key}
            placeholder={labels.key}
            value={key}
            list={suggestions.length > 0 ? listId : undefined}
            onChange={(event) => replace(index, [event.target.value, value])}
          />
          <span className="muted">=</span>
          <ParsedInput<Scalar>
            aria-label={labels.value}
            placeholder={labels.value}
            value={value}
            format={formatScalar}
            parse={scalarInput}
            onChange={(next) => replace(index, [key, next])}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={labels.remove}
            title={labels.remove}
            onClick={() => onChange(entries.filter((_, i) => i !== index))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={add}>
        + {labels.add}
      </button>
    </>
  );
}
