import { eventWindows } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { DurationField, NumberField, SelectField, TextField } from '../fields';
import { type ConfigFormProps, withOptional } from './formProps';
import { OptionalCondition } from './OptionalCondition';

export function WaitForEventForm({ config, onChange }: ConfigFormProps<'waitForEvent'>) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('fields.eventName')}
        placeholder="card_transaction"
        value={config.event}
        onChange={(event) => onChange({ ...config, event })}
      />
      <NumberField
        label={t('waitForEvent.count')}
        hint={t('waitForEvent.countHint')}
        optional
        min={1}
        max={1000}
        placeholder="1"
        value={config.count}
        onChange={(count) => onChange(withOptional(config, 'count', count))}
      />
      <DurationField
        legend={t('waitForEvent.within')}
        value={config.within}
        onChange={(within) => onChange({ ...config, within })}
      />
      <SelectField
        label={t('waitForEvent.window')}
        value={config.window ?? 'rolling'}
        options={eventWindows.map((value) => ({ value, label: t(`waitForEvent.windows.${value}`) }))}
        onChange={(window) => onChange({ ...config, window })}
      />
      <OptionalCondition
        label={t('waitForEvent.onlyWhen')}
        value={config.where}
        onChange={(where) => onChange(withOptional(config, 'where', where))}
      />
    </>
  );
}
