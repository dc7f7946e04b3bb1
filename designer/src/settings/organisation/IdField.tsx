import { useTranslation } from 'react-i18next';
import { IssueField } from '../../ui/IssueField';

interface IdFieldProps {
  label: string;
  /** Shown while the id can still be chosen. */
  hint: string;
  value: string;
  /** Saved already: the id names it everywhere and cannot change. */
  fixed: boolean;
  error: string | undefined;
  onChange(id: string): void;
}

/** The id of an org unit or staff member: chosen once, then fixed. */
export function IdField({ label, hint, value, fixed, error, onChange }: IdFieldProps) {
  const { t } = useTranslation();
  return (
    <IssueField label={label} hint={fixed ? t('settingsPage.organisation.idFixed') : hint} error={error}>
      {(described) => (
        <input
          {...described}
          maxLength={128}
          value={value}
          readOnly={fixed}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </IssueField>
  );
}
