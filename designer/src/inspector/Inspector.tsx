import { useTranslation } from 'react-i18next';
import { useJourneyStore } from '../store/journeyStore';
import { NodeInspector } from './NodeInspector';
import { SettingsForm } from './SettingsForm';

/** The right panel: the selected node's form, or the journey's settings when nothing is selected. */
export function Inspector() {
  const { t } = useTranslation();
  const selectedCount = useJourneyStore((state) => state.selectedNodeIds.length);
  const node = useJourneyStore((state) =>
    state.selectedNodeIds.length === 1
      ? state.document.nodes.find((candidate) => candidate.id === state.selectedNodeIds[0])
      : undefined,
  );
  return (
    // Keyed by what it shows, so switching nodes starts the panel scrolled to the top.
    <div key={node?.id ?? 'journey'} className="inspector">
      {node ? (
        <NodeInspector node={node} />
      ) : selectedCount > 1 ? (
        <p className="inspector-empty">{t('inspector.multiple', { count: selectedCount })}</p>
      ) : (
        <SettingsForm />
      )}
    </div>
  );
}
