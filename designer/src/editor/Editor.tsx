import { ReactFlowProvider } from '@xyflow/react';
import { memo } from 'react';
import { JourneyCanvas } from '../canvas/JourneyCanvas';
import { LiveOverlay } from '../live/LiveOverlay';
import { Palette } from '../palette/Palette';
import { ProblemsPanel } from '../validation/ProblemsPanel';
import { useClearServerProblemsOnEdit } from '../validation/serverProblems';
import { EditorBanners } from './EditorBanners';
import { SidePanel } from './SidePanel';
import { TopBar } from './TopBar';
import { DraftSaverProvider, useDraftAutosave } from './useDraftAutosave';
import { useEditorShortcuts } from './useEditorShortcuts';
import { selectStatus, useLoadedJourney } from './useJourneyRecord';

/** The editor of one journey, its draft already in the journey store: top bar, palette, canvas, side panel. */
function EditorView({ journeyId }: { journeyId: string }) {
  const archived = useLoadedJourney(journeyId, selectStatus) === 'archived';
  const saver = useDraftAutosave(journeyId, !archived);
  useEditorShortcuts();
  useClearServerProblemsOnEdit();
  return (
    <DraftSaverProvider value={saver}>
      <ReactFlowProvider>
        <div className="app">
          <TopBar journeyId={journeyId} />
          <Palette />
          <main className="workspace">
            <EditorBanners archived={archived} />
            <div className="canvas-row">
              <div className="canvas">
                <JourneyCanvas />
              </div>
              <LiveOverlay journeyId={journeyId} />
            </div>
            <ProblemsPanel />
          </main>
          <SidePanel journeyId={journeyId} />
        </div>
      </ReactFlowProvider>
    </DraftSaverProvider>
  );
}

// Memoised so that the page's re-render after each autosave stops here.
export const Editor = memo(EditorView);
