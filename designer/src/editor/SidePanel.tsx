import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Inspector } from '../inspector/Inspector';
import { SimulatePanel } from '../simulate/SimulatePanel';
import { useJourneyStore } from '../store/journeyStore';
import { VersionsPanel } from './VersionsPanel';

const tabs = ['inspect', 'simulate', 'versions'] as const;
type Tab = (typeof tabs)[number];

const FOLDED_KEY = 'journey.sidePanel.folded';

/**
 * Whether the panel is folded away to give the canvas the room; remembered in this browser. Selecting a node
 * unfolds it on the inspector, since that is what the selection is for.
 */
function useFolding(showInspector: () => void): [boolean, (folded: boolean) => void] {
  const [folded, setFolded] = useState(() => localStorage.getItem(FOLDED_KEY) === 'yes');
  const fold = (next: boolean) => {
    localStorage.setItem(FOLDED_KEY, next ? 'yes' : 'no');
    setFolded(next);
  };
  const selected = useJourneyStore((state) => state.selectedNodeIds);
  useEffect(() => {
    if (selected.length === 0) return;
    localStorage.setItem(FOLDED_KEY, 'no');
    setFolded(false);
    showInspector();
  }, [selected, showInspector]);
  return [folded, fold];
}

/** The right-hand panel: the inspector, the simulator, or the versions, one at a time; it folds to a strip. */
export function SidePanel({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('inspect');
  const showInspector = useCallback(() => setTab('inspect'), []);
  const [folded, fold] = useFolding(showInspector);
  if (folded) {
    return (
      <aside className="side-panel folded" aria-label={t('sidePanel.folded')}>
        <button
          type="button"
          className="icon-button fold-button"
          aria-label={t('sidePanel.show')}
          title={t('sidePanel.show')}
          onClick={() => fold(false)}
        >
          ‹
        </button>
      </aside>
    );
  }
  return (
    <aside className="side-panel" aria-label={t(`sidePanel.${tab}`)}>
      <div className="side-tabs">
        <div className="side-tab-list" role="tablist">
          {tabs.map((candidate) => (
            <button
              key={candidate}
              type="button"
              role="tab"
              id={`side-tab-${candidate}`}
              aria-selected={tab === candidate}
              aria-controls="side-tab-panel"
              className={tab === candidate ? 'active' : undefined}
              onClick={() => setTab(candidate)}
            >
              {t(`sidePanel.${candidate}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="icon-button fold-button"
          aria-label={t('sidePanel.hide')}
          title={t('sidePanel.hide')}
          onClick={() => fold(true)}
        >
          ›
        </button>
      </div>
      <div className="side-tab-panel" id="side-tab-panel" role="tabpanel" aria-labelledby={`side-tab-${tab}`}>
        {tab === 'inspect' && <Inspector />}
        {tab === 'simulate' && <SimulatePanel />}
        {tab === 'versions' && <VersionsPanel journeyId={journeyId} />}
      </div>
    </aside>
  );
}
