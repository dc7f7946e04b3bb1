import { useTranslation } from 'react-i18next';
import type { JourneyStatus } from '../api/journeys';

/** "Live", or with the version customers enter: "Live · v3". */
export function StatusBadge({ status, version = null }: { status: JourneyStatus; version?: number | null }) {
  const { t } = useTranslation();
  const text = t(`status.${status}`);
  return (
    <span className={`status-badge status-${status}`}>
      {version === null ? text : t('statusVersion', { status: text, version })}
    </span>
  );
}
