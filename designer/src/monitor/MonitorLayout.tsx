import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useLocale } from '../i18n';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { ConnectionStatus } from '../live/ConnectionStatus';
import type { LiveConnection } from '../live/liveSocket';
import { MetricsPageHeader } from '../live/MetricsPageHeader';
import { useFullscreen } from './useFullscreen';
import './monitor.css';

interface MonitorLayoutProps {
  /** The big-screen mode: dark, large, full screen, nothing to click but the way out. */
  wall: boolean;
  title: string;
  /** The journey watched, or null for the totals across journeys. */
  journeyId: string | null;
  connection: LiveConnection;
  children: ReactNode;
}

const monitorPath = (journeyId: string | null) =>
  journeyId === null ? '/monitor' : `/journeys/${encodeURIComponent(journeyId)}/monitor`;

/** The monitor's frame: the page header and toolbar, or on the big screen a header for the room. */
export function MonitorLayout({ wall, title, journeyId, connection, children }: MonitorLayoutProps) {
  const { t } = useTranslation();
  const path = monitorPath(journeyId);
  return (
    <div className={wall ? 'monitor wall' : 'monitor'}>
      {wall ? (
        <WallHeader title={title} connection={connection} pagePath={path} />
      ) : (
        <>
          <MetricsPageHeader title={title} journeyId={journeyId} />
          <div className="monitor-toolbar">
            {journeyId !== null && (
              <Link href="/monitor" className="link-button">
                {t('monitor.allJourneys')}
              </Link>
            )}
            <span className="toolbar-spacer" />
            <ConnectionStatus connection={connection} />
            <BigScreenButton wallPath={`${path}/wall`} />
          </div>
        </>
      )}
      <main className="monitor-board">{children}</main>
    </div>
  );
}

function BigScreenButton({ wallPath }: { wallPath: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const fullscreen = useFullscreen();
  return (
    <button
      type="button"
      className="secondary-button"
      onClick={() => {
        fullscreen.enter();
        navigate(wallPath);
      }}
    >
      {t('monitor.bigScreen')}
    </button>
  );
}

const CLOCK_TICK_MS = 10_000;

function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function WallHeader({ title, connection, pagePath }: { title: string; connection: LiveConnection; pagePath: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fullscreen = useFullscreen();
  const now = useNow();
  return (
    <header className="wall-header">
      <h1>{title}</h1>
      <ConnectionStatus connection={connection} />
      <time className="wall-clock" dateTime={new Date(now).toISOString()}>
        {new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false }).format(now)}
      </time>
      <div className="wall-controls">
        <LanguageSwitch />
        {fullscreen.supported && (
          <button type="button" onClick={fullscreen.active ? fullscreen.exit : fullscreen.enter}>
            {fullscreen.active ? t('monitor.exitFullscreen') : t('monitor.fullscreen')}
          </button>
        )}
        <Link href={pagePath} onClick={fullscreen.exit}>
          {t('monitor.leaveBigScreen')}
        </Link>
      </div>
    </header>
  );
}
