import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Inspector } from '../inspector/Inspector';
import { SimulatePanel } from '../simulate/SimulatePanel';
import { VersionsPanel } from './VersionsPanel';

const tabs = ['inspect', 'simulate', 'versions'] as const;
type Tab = (typeof tabs)[number];

/** The right-hand panel: the inspector, the simulator, or the versions, one at a time. */
export function SidePanel({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('inspect');
  return (
    <aside className="side-panel" aria-label={t(`sidePanel.${tab}`)}>
      <div className="side-tabs" role="tablist">
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
      <div className="side-tab-panel" id="side-tab-panel" role="tabpanel" aria-labelledby={`side-tab-${tab}`}>
        {tab === 'inspect' && <Inspector />}
        {tab === 'simulate' && <SimulatePanel />}
        {tab === 'versions' && <VersionsPanel journeyId={journeyId} />}
      </div>
    </aside>
  );
}
