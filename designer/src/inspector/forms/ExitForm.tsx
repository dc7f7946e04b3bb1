import { useTranslation } from 'react-i18next';
import { TextField } from '../fields';
import { type ConfigFormProps, withOptional } from './formProps';

export function ExitForm({ config, onChange }: ConfigFormProps<'exit'>) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('exit.reason')}
      hint={t('exit.reasonHint')}
      value={config.reason ?? ''}
      onChange={(reason) => onChange(withOptional(config, 'reason', reason || undefined))}
    />
  );
}
