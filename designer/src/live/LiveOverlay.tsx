import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectStatus, useLoadedJourney } from '../editor/useJourneyRecord';
import { useJourneyStore } from '../store/journeyStore';
import { ConnectionStatus } from './ConnectionStatus';
import { LiveFunnel } from './LiveFunnel';
import { useLiveJourney, useLiveMetricsStore } from './liveMetricsStore';
import './live.css';

/**
 * The editor's live overlay on a published journey that runs (live or paused): a "Live numbers" switch,
 * on at first for a live journey, that shows counts on the nodes and edges and a funnel. The panel is docked
 * beside the canvas rather than floating over it, so zoom-to-fit never hides nodes under it.
 */
export function LiveOverlay({ journeyId }: { journeyId: string }) {
  const status = useLoadedJourney(journeyId, selectStatus);
  if (status !== 'live' && status !== 'paused') return null;
  return <LivePanel journeyId={journeyId} onAtFirst={status === 'live'} />;
}

function LivePanel({ journeyId, onAtFirst }: { journeyId: string; onAtFirst: boolean }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(onAtFirst);
  useLiveJourney(journeyId, on);
  return (
    <aside className={on ? 'live-panel on' : 'live-panel'} aria-label={t('live.panel')}>
      <div className="live-panel-header">
        <label className="live-switch">
          <input type="checkbox" checked={on} onChange={(event) => setOn(event.target.checked)} />
          {t('live.toggle')}
        </label>
        {on && <LiveConnectionStatus />}
      </div>
      {on && <LiveFunnelSection />}
    </aside>
  );
}

function LiveConnectionStatus() {
  return <ConnectionStatus connection={useLiveMetricsStore((state) => state.connection)} />;
}

function LiveFunnelSection() {
  const { t } = useTranslation();
  const document = useJourneyStore((state) => state.document);
  const metrics = useLiveMetricsStore((state) => state.metrics);
  return (
    <details className="live-funnel-section" open>
      <summary>{t('live.funnel')}</summary>
      {metrics ? <LiveFunnel document={document} metrics={metrics} /> : <p className="muted">{t('live.waiting')}</p>}
    </details>
  );
}
