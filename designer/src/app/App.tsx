import type { JourneyDocument } from '@journey/shared';
import { ReactFlowProvider } from '@xyflow/react';
import { JourneyCanvas } from '../canvas/JourneyCanvas';
import { Inspector } from '../inspector/Inspector';
import { Palette } from '../palette/Palette';
import { ProblemsPanel } from '../validation/ProblemsPanel';
import { TopBar } from './TopBar';
import { useEditorShortcuts } from './useEditorShortcuts';

export interface AppProps {
  /** Called with the document when the user publishes a valid journey. */
  onPublish(document: JourneyDocument): void;
}

export function App({ onPublish }: AppProps) {
  useEditorShortcuts();
  return (
    <ReactFlowProvider>
      <div className="app">
        <TopBar onPublish={onPublish} />
        <Palette />
        <main className="workspace">
          <div className="canvas">
            <JourneyCanvas />
          </div>
          <ProblemsPanel />
        </main>
        <Inspector />
      </div>
    </ReactFlowProvider>
  );
}
