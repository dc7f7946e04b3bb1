import { channelLabels, channels, type FrequencyCap, reentryPolicies } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { useJourneyStore } from '../store/journeyStore';
import { CheckboxField, DurationField, Field, NumberInput, Section, Select, SelectField, TextField } from './fields';
import { withOptional } from './forms/formProps';

const timeZones = Intl.supportedValuesOf('timeZone');
const capPeriods = ['day', 'week', 'month'] as const;

export function SettingsForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const document = useJourneyStore((state) => state.document);
  const updateDetails = useJourneyStore((state) => state.updateDetails);
  const updateSettings = useJourneyStore((state) => state.updateSettings);
  const { settings } = document;
  const { quietHours, frequencyCap, goal, exitWhen } = settings;
  const setCap = (patch: Partial<FrequencyCap>) =>
    frequencyCap && updateSettings({ frequencyCap: { ...frequencyCap, ...patch } });

  return (
    <div className="inspector-body">
      <header className="inspector-header">
        <h2>{t('settings.title')}</h2>
      </header>
      <Section title={t('settings.general')}>
        <TextField label={t('settings.name')} value={document.name} onChange={(name) => updateDetails({ name })} />
        <Field label={t('settings.description')}>
          <textarea
            rows={3}
            value={document.description ?? ''}
            onChange={(event) => updateDetails({ description: event.target.value })}
          />
        </Field>
        <SelectField
          label={t('settings.reentry')}
          value={settings.reentry}
          options={reentryPolicies.map((value) => ({ value, label: t(`settings.reentryPolicies.${value}`) }))}
          onChange={(reentry) => updateSettings({ reentry })}
        />
        <Field label={t('settings.timezone')}>
          <input
            list="time-zones"
            value={settings.timezone}
            onChange={(event) => updateSettings({ timezone: event.target.value })}
          />
          <datalist id="time-zones">
            {timeZones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </Field>
      </Section>

      <Section title={t('settings.delivery')}>
        <CheckboxField
          label={t('settings.quietHours')}
          checked={quietHours !== undefined}
          onChange={(on) => updateSettings({ quietHours: on ? { start: '21:00', end: '08:00' } : undefined })}
        />
        {quietHours && (
          <div className="inline-controls indent">
            <TextField
              type="time"
              label={t('settings.from')}
              value={quietHours.start}
              onChange={(start) => updateSettings({ quietHours: { ...quietHours, start } })}
            />
            <TextField
              type="time"
              label={t('settings.to')}
              value={quietHours.end}
              onChange={(end) => updateSettings({ quietHours: { ...quietHours, end } })}
            />
          </div>
        )}
        <CheckboxField
          label={t('settings.frequencyCap')}
          checked={frequencyCap !== undefined}
          onChange={(on) => updateSettings({ frequencyCap: on ? { count: 3, per: 'week' } : undefined })}
        />
        {frequencyCap && (
          <div className="indent">
            <div className="inline-controls">
              <NumberInput
                aria-label={t('settings.capCount')}
                min={1}
                value={frequencyCap.count}
                onChange={(count) => setCap({ count })}
              />
              <span className="muted nowrap">{t('settings.messagesPer')}</span>
              <Select
                aria-label={t('settings.capPeriod')}
                value={frequencyCap.per}
                options={capPeriods.map((value) => ({ value, label: t(`settings.periods.${value}`) }))}
                onChange={(per) => setCap({ per })}
              />
            </div>
            <SelectField
              label={t('settings.capChannel')}
              value={frequencyCap.channel ?? 'all'}
              options={[
                { value: 'all', label: t('settings.allChannels') },
                ...channels.map((value) => ({ value, label: channelLabels[value][locale] })),
              ]}
              onChange={(channel) =>
                updateSettings({
                  frequencyCap: withOptional(frequencyCap, 'channel', channel === 'all' ? undefined : channel),
                })
              }
            />
          </div>
        )}
      </Section>

      <Section title={t('settings.goalAndExit')}>
        <CheckboxField
          label={t('settings.goal')}
          checked={goal !== undefined}
          onChange={(on) => updateSettings({ goal: on ? { event: '', exitOnGoal: true } : undefined })}
        />
        {goal && (
          <div className="indent">
            <TextField
              label={t('fields.eventName')}
              placeholder="card_transaction"
              value={goal.event}
              onChange={(event) => updateSettings({ goal: { ...goal, event } })}
            />
            <DurationField
              legend={t('settings.goalWithin')}
              hint={t('settings.goalWithinHint')}
              optional
              value={goal.within}
              onChange={(within) => updateSettings({ goal: withOptional(goal, 'within', within) })}
            />
            <CheckboxField
              label={t('settings.exitOnGoal')}
              checked={goal.exitOnGoal}
              onChange={(exitOnGoal) => updateSettings({ goal: { ...goal, exitOnGoal } })}
            />
          </div>
        )}
        <CheckboxField
          label={t('settings.exitWhen')}
          checked={exitWhen !== undefined}
          onChange={(on) => updateSettings({ exitWhen: on ? { event: '' } : undefined })}
        />
        {exitWhen && (
          <div className="indent">
            <TextField
              label={t('fields.eventName')}
              placeholder="account_closed"
              value={exitWhen.event}
              onChange={(event) => updateSettings({ exitWhen: { ...exitWhen, event } })}
            />
          </div>
        )}
      </Section>
    </div>
  );
}
