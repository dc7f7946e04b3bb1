import type { Condition } from '@journey/shared';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRecord } from '../../api/customers';
import { useLocale } from '../../i18n';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { formatDateTime } from '../../ui/format';
import { ConditionText } from './ConditionText';
import { type Segment, segmentKeys, segmentsApi } from './segmentsApi';

/** Customers shown as a sample of who is in a segment. */
const SAMPLE_SIZE = 10;
/** Profile attributes shown per sampled customer when the rule names none (tags only). */
const SHOWN_ATTRIBUTES = 3;

/** The profile attributes a condition compares, in the order it names them. */
function attributesOf(condition: Condition, found = new Set<string>()): Set<string> {
  if ('all' in condition) for (const item of condition.all) attributesOf(item, found);
  else if ('any' in condition) for (const item of condition.any) attributesOf(item, found);
  else if ('not' in condition) attributesOf(condition.not, found);
  else if ('attr' in condition) found.add(condition.attr);
  return found;
}

const attributeText = (value: unknown) =>
  typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? '');

/** The attributes that decide whether a customer matches, so the sample shows why they are in the segment. */
function profileOf(customer: CustomerRecord, shown: ReadonlySet<string>): string {
  const entries =
    shown.size > 0
      ? [...shown].map((name) => [name, customer.attributes[name]] as const)
      : Object.entries(customer.attributes).slice(0, SHOWN_ATTRIBUTES);
  return entries.map(([name, value]) => `${name}: ${attributeText(value)}`).join(' · ');
}

interface SegmentDetailProps {
  segment: Segment;
  /** How many customers match now. */
  count: ReactNode;
  /** The journeys entering from the segment. */
  journeys: ReactNode;
}

/** One segment: its rule in words, who uses it, and the first customers it selects. */
export function SegmentDetail({ segment, count, journeys }: SegmentDetailProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="segment-detail-body">
      <h3>{segment.name}</h3>
      <p className="field-hint">
        {t('settingsPage.segments.id')}: <code>{segment.id}</code> ·{' '}
        {t('settingsPage.segments.createdAt', { at: formatDateTime(segment.createdAt, locale) })}
      </p>
      <h4>{t('settingsPage.segments.condition')}</h4>
      <ConditionText condition={segment.condition} />
      <p className="field-hint">{t('settingsPage.segments.fixed')}</p>
      <h4>{t('settingsPage.segments.customers')}</h4>
      <p className="segment-count">{count}</p>
      <h4>{t('settingsPage.segments.usedBy')}</h4>
      {journeys}
      <h4>{t('settingsPage.segments.sample')}</h4>
      <CustomerSample segment={segment} />
    </div>
  );
}

function CustomerSample({ segment }: { segment: Segment }) {
  const { t } = useTranslation();
  const sample = useQuery({
    queryKey: segmentKeys.sample(segment.id),
    queryFn: () => segmentsApi.sample(segment.id, SAMPLE_SIZE),
  });
  if (sample.isPending) return <p className="muted">{t('settingsPage.segments.sampleLoading')}</p>;
  if (sample.isError) {
    return (
      <div className="banner error" role="alert">
        <div>
          <strong>{t('settingsPage.segments.sampleFailed')}</strong>
          <ErrorDetails error={sample.error} />
        </div>
      </div>
    );
  }
  const { customers, nextCursor } = sample.data;
  if (customers.length === 0) return <p className="muted">{t('settingsPage.segments.sampleEmpty')}</p>;
  const shown = attributesOf(segment.condition);
  const tagged = customers.some((customer) => customer.tags.length > 0);
  return (
    <>
      <table className="journey-table segment-sample" aria-label={t('settingsPage.segments.sample')}>
        <thead>
          <tr>
            <th scope="col">{t('settingsPage.segments.customerId')}</th>
            <th scope="col">{t('settingsPage.segments.profile')}</th>
            {tagged && <th scope="col">{t('settingsPage.segments.tags')}</th>}
          </tr>
        </thead>
        <tbody>
          {customers.map((customer) => (
            <tr key={customer.id}>
              <td>
                <code>{customer.id}</code>
              </td>
              <td className="segment-profile">{profileOf(customer, shown)}</td>
              {tagged && <td>{customer.tags.join(', ')}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {nextCursor !== null && (
        <p className="field-hint">{t('settingsPage.segments.sampleMore', { count: customers.length })}</p>
      )}
    </>
  );
}
