import { useTranslation } from 'react-i18next';
import { NumberField, TextField } from '../fields';
import { type ConfigFormProps, withOptional } from './formProps';

export function BenefitForm({ config, onChange }: ConfigFormProps<'benefit'>) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('benefit.poolId')}
        hint={t('benefit.poolHint')}
        placeholder="welcome-coupon"
        value={config.poolId}
        onChange={(poolId) => onChange({ ...config, poolId })}
      />
      <NumberField
        label={t('benefit.quantity')}
        optional
        min={1}
        max={1000}
        placeholder="1"
        value={config.quantity}
        onChange={(quantity) => onChange(withOptional(config, 'quantity', quantity))}
      />
    </>
  );
}
