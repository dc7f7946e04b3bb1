import type { JourneyDocument } from '@journey/shared';
import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { FIT_VIEW_OPTIONS } from '../canvas/JourneyCanvas';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useJourneyStore } from '../store/journeyStore';
import { useValidation } from '../validation/validation';

export interface TopBarProps {
  onPublish(document: JourneyDocument): void;
}

export function TopBar({ onPublish }: TopBarProps) {
  const { t } = useTranslation();
  const name = useJourneyStore((state) => state.document.name);
  const undo = useJourneyStore((state) => state.undo);
  const redo = useJourneyStore((state) => state.redo);
  const autoLayout = useJourneyStore((state) => state.autoLayout);
  const canUndo = useStore(useJourneyStore.temporal, (state) => state.pastStates.length > 0);
  const canRedo = useStore(useJourneyStore.temporal, (state) => state.futureStates.length > 0);
  const { publishable, errorCount } = useValidation();
  const { fitView } = useReactFlow();

  const layout = async () => {
    await autoLayout();
    // Let React Flow render the new positions before framing them.
    requestAnimationFrame(() => void fitView({ ...FIT_VIEW_OPTIONS, duration: 300 }));
  };

  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <div className="journey-name" title={name}>
        <span className="journey-name-label">{t('topBar.draft')}</span>
        <h1>{name}</h1>
      </div>
      <div className="toolbar" role="toolbar" aria-label={t('topBar.toolbar')}>
        <button type="button" onClick={undo} disabled={!canUndo} title={`${t('topBar.undo')} (Ctrl+Z)`}>
          ↶ {t('topBar.undo')}
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} title={`${t('topBar.redo')} (Ctrl+Shift+Z)`}>
          ↷ {t('topBar.redo')}
        </button>
        <span className="toolbar-separator" />
        <button type="button" onClick={() => void layout()}>
          {t('topBar.autoLayout')}
        </button>
        <button type="button" onClick={() => void fitView({ ...FIT_VIEW_OPTIONS, duration: 300 })}>
          {t('topBar.fitView')}
        </button>
      </div>
      <LanguageSwitch />
      <span
        className="publish-wrapper"
        title={publishable ? t('topBar.publishReady') : t('topBar.publishBlocked', { count: errorCount })}
      >
        <button
          type="button"
          className="primary-button"
          disabled={!publishable}
          onClick={() => onPublish(useJourneyStore.getState().document)}
        >
          {t('topBar.publish')}
        </button>
      </span>
    </header>
  );
}
