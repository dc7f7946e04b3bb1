interface SearchInputProps {
  /** Read out and shown as the placeholder, e.g. "Search journeys". */
  label: string;
  value: string;
  onChange(value: string): void;
  className?: string;
}

/** A search box whose label is its placeholder, as in the list toolbars. */
export function SearchInput({ label, value, onChange, className }: SearchInputProps) {
  return (
    <input
      type="search"
      className={className ? `search ${className}` : 'search'}
      aria-label={label}
      placeholder={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
