import { useTranslation } from 'react-i18next';
import type { LiveConnection } from './liveSocket';
import './live.css';

/** A discreet dot and word for the live feed: live, connecting, reconnecting, or unavailable (with why). */
export function ConnectionStatus({ connection }: { connection: LiveConnection }) {
  const { t } = useTranslation();
  const reason = connection.state === 'refused' ? connection.reason : undefined;
  return (
    <span className={`connection-status connection-${connection.state}`} role="status" title={reason}>
      <span className="connection-dot" aria-hidden="true" />
      {t(`live.connection.${connection.state}`)}
    </span>
  );
}
