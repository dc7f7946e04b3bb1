import type { TriggerConfig } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../fields';
import { type ConfigFormProps, withOptional } from './formProps';
import { OptionalCondition } from './OptionalCondition';

type TriggerKind = TriggerConfig['kind'];

const startingConfig: Record<TriggerKind, TriggerConfig> = {
  event: { kind: 'event', event: '' },
  segment: { kind: 'segment', segmentId: '' },
  schedule: { kind: 'schedule', cron: '0 9 * * 1' },
};

export function TriggerForm({ config, onChange }: ConfigFormProps<'trigger'>) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        label={t('trigger.kind')}
        value={config.kind}
        options={(['event', 'segment', 'schedule'] as const).map((kind) => ({
          value: kind,
          label: t(`trigger.kinds.${kind}`),
        }))}
        onChange={(kind) => kind !== config.kind && onChange(startingConfig[kind])}
      />
      {config.kind === 'event' && (
        <>
          <TextField
            label={t('fields.eventName')}
            placeholder="card_activated"
            value={config.event}
            onChange={(event) => onChange({ ...config, event })}
          />
          <OptionalCondition
            label={t('trigger.onlyWhen')}
            value={config.where}
            onChange={(where) => onChange(withOptional(config, 'where', where))}
          />
        </>
      )}
      {config.kind === 'segment' && (
        <TextField
          label={t('trigger.segmentId')}
          placeholder="payroll-customers"
          value={config.segmentId}
          onChange={(segmentId) => onChange({ ...config, segmentId })}
        />
      )}
      {config.kind === 'schedule' && (
        <TextField
          label={t('trigger.cron')}
          hint={config.at ? t('trigger.onceAt', { at: config.at }) : t('trigger.cronHint')}
          value={config.cron ?? ''}
          // A schedule has either `at` or `cron`; editing the cron makes it a repeating schedule.
          onChange={(cron) =>
            onChange({ kind: 'schedule', cron, ...(config.audience && { audience: config.audience }) })
          }
        />
      )}
    </>
  );
}
