import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { JourneyViewTabs } from '../app/JourneyViewTabs';
import { FIT_VIEW_OPTIONS } from '../canvas/JourneyCanvas';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useJourneyStore } from '../store/journeyStore';
import { StatusBadge } from '../ui/StatusBadge';
import { useValidation } from '../validation/validation';
import { BackToList } from './BackToList';
import { LifecycleActions } from './LifecycleActions';
import { PublishDialog } from './PublishDialog';
import { SaveIndicator } from './SaveIndicator';
import { useLoadedJourney } from './useJourneyRecord';

export function TopBar({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const name = useJourneyStore((state) => state.document.name);
  const undo = useJourneyStore((state) => state.undo);
  const redo = useJourneyStore((state) => state.redo);
  const autoLayout = useJourneyStore((state) => state.autoLayout);
  const canUndo = useStore(useJourneyStore.temporal, (state) => state.pastStates.length > 0);
  const canRedo = useStore(useJourneyStore.temporal, (state) => state.futureStates.length > 0);
  const { status, liveVersion } = useLoadedJourney(journeyId, ({ status, liveVersion }) => ({ status, liveVersion }));
  const { publishable, errorCount } = useValidation();
  const { fitView } = useReactFlow();
  const [publishing, setPublishing] = useState(false);
  const archived = status === 'archived';

  const layout = async () => {
    await autoLayout();
    // Let React Flow render the new positions before framing them.
    requestAnimationFrame(() => void fitView({ ...FIT_VIEW_OPTIONS, duration: 300 }));
  };

  return (
    <header className="top-bar">
      <BackToList />
      <div className="journey-name" title={name}>
        <h1>{name}</h1>
        <StatusBadge status={status} version={liveVersion} />
        <SaveIndicator archived={archived} />
      </div>
      <JourneyViewTabs journeyId={journeyId} />
      <div className="toolbar" role="toolbar" aria-label={t('topBar.toolbar')}>
        <button type="button" onClick={undo} disabled={!canUndo} title={`${t('topBar.undo')} (Ctrl+Z)`}>
          ↶<span className="visually-hidden">{t('topBar.undo')}</span>
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} title={`${t('topBar.redo')} (Ctrl+Shift+Z)`}>
          ↷<span className="visually-hidden">{t('topBar.redo')}</span>
        </button>
        <span className="toolbar-separator" />
        <button type="button" onClick={() => void layout()}>
          {t('topBar.autoLayout')}
        </button>
        <button
          type="button"
          onClick={() => void fitView({ ...FIT_VIEW_OPTIONS, duration: 300 })}
          title={t('topBar.fitView')}
        >
          ⤢<span className="visually-hidden">{t('topBar.fitView')}</span>
        </button>
        <span className="toolbar-separator" />
        <LifecycleActions journeyId={journeyId} />
      </div>
      <LanguageSwitch />
      <span
        className="publish-wrapper"
        title={
          archived
            ? t('topBar.publishArchived')
            : publishable
              ? t('topBar.publishReady')
              : t('topBar.publishBlocked', { count: errorCount })
        }
      >
        <button
          type="button"
          className="primary-button"
          disabled={!publishable || archived}
          onClick={() => setPublishing(true)}
        >
          {t('topBar.publish')}
        </button>
      </span>
      {publishing && <PublishDialog journeyId={journeyId} onClose={() => setPublishing(false)} />}
    </header>
  );
}
