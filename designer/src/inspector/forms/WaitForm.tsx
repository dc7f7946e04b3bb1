import type { WaitConfig } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { CheckboxField, DurationField, FieldGroup, SelectField, TextField } from '../fields';
import type { ConfigFormProps } from './formProps';

type WaitMode = 'duration' | 'until';
/** ISO weekday numbers (1 = Monday) as the document stores them, with their names' keys. */
const weekdays = [
  { day: 1, key: 'mon' },
  { day: 2, key: 'tue' },
  { day: 3, key: 'wed' },
  { day: 4, key: 'thu' },
  { day: 5, key: 'fri' },
  { day: 6, key: 'sat' },
  { day: 7, key: 'sun' },
] as const;

const startingConfig: Record<WaitMode, WaitConfig> = {
  duration: { duration: 'P1D' },
  until: { until: { time: '09:00' } },
};

export function WaitForm({ config, onChange }: ConfigFormProps<'wait'>) {
  const { t } = useTranslation();
  const mode: WaitMode = 'duration' in config ? 'duration' : 'until';
  return (
    <>
      <SelectField
        label={t('wait.mode')}
        value={mode}
        options={(['duration', 'until'] as const).map((value) => ({ value, label: t(`wait.modes.${value}`) }))}
        onChange={(next) => next !== mode && onChange(startingConfig[next])}
      />
      {'duration' in config ? (
        <DurationField
          legend={t('wait.duration')}
          value={config.duration}
          onChange={(duration) => onChange({ duration })}
        />
      ) : (
        <UntilFields until={config.until} onChange={(until) => onChange({ until })} />
      )}
    </>
  );
}

type Until = Extract<WaitConfig, { until: unknown }>['until'];

function UntilFields({ until, onChange }: { until: Until; onChange(until: Until): void }) {
  const { t } = useTranslation();
  const chosen = until.weekdays ?? [];
  const toggle = (day: number, on: boolean) => {
    const days = weekdays
      .map((weekday) => weekday.day)
      .filter((candidate) => (candidate === day ? on : chosen.includes(candidate)));
    // No day ticked means every day, which the document says by leaving weekdays out.
    onChange(days.length > 0 ? { ...until, weekdays: days } : { time: until.time });
  };
  return (
    <>
      <TextField
        type="time"
        label={t('wait.time')}
        value={until.time}
        onChange={(time) => onChange({ ...until, time })}
      />
      <FieldGroup legend={t('wait.weekdays')} hint={t('wait.weekdaysHint')}>
        <div className="weekdays">
          {weekdays.map(({ day, key }) => (
            <CheckboxField
              key={day}
              label={t(`weekdays.${key}`)}
              checked={chosen.includes(day)}
              onChange={(on) => toggle(day, on)}
            />
          ))}
        </div>
      </FieldGroup>
    </>
  );
}
