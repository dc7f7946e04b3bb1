import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersApi } from '../api/customers';
import { useResolvedDraft } from '../creatives/useCreatives';
import { useLocale } from '../i18n';
import { FieldGroup, ParsedInput } from '../inspector/fields';
import { type Entry, KeyValueRows } from '../inspector/KeyValueRows';
import { formatTags, parseTags } from '../inspector/scalars';
import { notifyError } from '../ui/toasts';
import { useValidation } from '../validation/validation';
import { propertyRowLabels } from './rowLabels';
import { entryEvent, startSimulation } from './simulation';
import { sampleCustomer, useSimulationStore } from './simulationStore';
import { formOf, recordOf, testCustomerOf } from './testCustomer';

/** The test customer's profile and how they enter; "Enter journey" starts the simulation. */
export function SimulationSetup() {
  const { t } = useTranslation();
  const locale = useLocale();
  // What the customer would get: with the library's creatives' words in the message steps.
  const document = useResolvedDraft();
  const { errorCount } = useValidation();
  const customer = useSimulationStore((state) => state.customer);
  const setCustomer = useSimulationStore((state) => state.setCustomer);
  const setSimulation = useSimulationStore((state) => state.setSimulation);
  const entry = useMemo(() => entryEvent(document), [document]);
  const [properties, setProperties] = useState<Entry[]>(() => entry?.properties.map((key): Entry => [key, '']) ?? []);
  const [notEntered, setNotEntered] = useState(false);
  const load = useMutation({
    mutationFn: customersApi.get,
    onSuccess: (record) => setCustomer(formOf(record)),
    onError: (error) => notifyError(t('simulate.loadFailed'), error),
  });

  const enter = () => {
    const started = startSimulation(document, testCustomerOf(customer), {
      at: Date.now(),
      properties: recordOf(properties),
    });
    setNotEntered(!started.ok);
    if (started.ok) setSimulation(started.simulation);
  };

  return (
    <>
      <section className="inspector-section">
        <h3>{t('simulate.customer')}</h3>
        <FieldGroup legend={t('simulate.customerId')} hint={t('simulate.customerIdHint')}>
          <div className="inline-controls">
            <input
              aria-label={t('simulate.customerId')}
              value={customer.id}
              onChange={(event) => setCustomer({ ...customer, id: event.target.value })}
            />
            <button
              type="button"
              className="secondary-button"
              disabled={!customer.id.trim() || load.isPending}
              onClick={() => load.mutate(customer.id.trim())}
              title={t('simulate.loadHint')}
            >
              {t('simulate.load')}
            </button>
          </div>
        </FieldGroup>
        <FieldGroup legend={t('simulate.attributes')}>
          <KeyValueRows
            entries={customer.attributes}
            onChange={(attributes) => setCustomer({ ...customer, attributes })}
            newKey="attribute"
            labels={{
              key: t('updateProfile.attribute'),
              value: t('updateProfile.value'),
              remove: t('updateProfile.removeAttribute'),
              add: t('updateProfile.addAttribute'),
              empty: t('simulate.noAttributes'),
            }}
          />
        </FieldGroup>
        <FieldGroup legend={t('simulate.tags')}>
          <ParsedInput
            aria-label={t('simulate.tags')}
            placeholder={t('updateProfile.tagsPlaceholder')}
            value={customer.tags}
            format={formatTags}
            parse={parseTags}
            onChange={(tags) => setCustomer({ ...customer, tags: tags ?? [] })}
          />
        </FieldGroup>
        <button type="button" className="link-button" onClick={() => setCustomer(sampleCustomer(locale))}>
          {t('simulate.useSample')}
        </button>
      </section>
      <section className="inspector-section">
        <h3>{t('simulate.entry')}</h3>
        {entry ? (
          <FieldGroup legend={t('simulate.entryEvent', { event: entry.event })}>
            <KeyValueRows
              entries={properties}
              onChange={setProperties}
              newKey="property"
              suggestions={entry.properties}
              labels={propertyRowLabels(t)}
            />
          </FieldGroup>
        ) : (
          <p className="field-hint">{t('simulate.entryDirect')}</p>
        )}
        {notEntered && (
          <p className="banner warning" role="alert">
            {t('simulate.notEntered')}
          </p>
        )}
        <button type="button" className="primary-button block" disabled={errorCount > 0} onClick={enter}>
          {t('simulate.enter')}
        </button>
        {errorCount > 0 && <p className="field-hint">{t('simulate.fixFirst', { count: errorCount })}</p>}
      </section>
    </>
  );
}
