import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../ui/toasts';

function subscribe(onChange: () => void) {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

const isFullscreen = () => document.fullscreenElement !== null;

/** The browser's full-screen mode for the whole page (the wall display), through the Fullscreen API. */
export function useFullscreen() {
  const { t } = useTranslation();
  const active = useSyncExternalStore(subscribe, isFullscreen);
  return {
    active,
    supported: document.fullscreenEnabled,
    /** Must run in a click handler: browsers allow full screen only on a user's gesture. */
    enter: () => {
      if (!isFullscreen()) {
        document.documentElement
          .requestFullscreen()
          .catch((error: unknown) => notifyError(t('monitor.fullscreenFailed'), error));
      }
    },
    exit: () => {
      if (isFullscreen()) void document.exitFullscreen();
    },
  };
}
