import { referrals } from '../db/schema';
import type { EventSink } from '../events/ingest';
import type { OrgStore } from './store';

/**
 * Records each event carrying a staff member's `properties.referralCode` (unknown codes are ignored), with the
 * staff member's org unit at that moment; conversions soon after are attributed to them (see `metrics.ts`).
 */
export function referralSink(org: OrgStore): EventSink {
  return (stored, tx) => {
    for (const event of stored) {
      const code = event.properties.referralCode;
      const referrer = typeof code === 'string' ? org.byReferralCode(code) : undefined;
      if (!referrer) continue;
      tx.insert(referrals)
        .values({
          eventId: event.eventId,
          customerId: event.customerId,
          staffId: referrer.id,
          orgUnitId: referrer.orgUnitId,
          at: event.timestamp,
        })
        .run();
    }
  };
}
