import type { JourneyDocument } from '@journey/shared';
import { useLocale } from '../i18n';
import { displayName, outputsOf } from '../store/catalogView';

/** How the simulator names nodes and their outcomes, from the simulated document (the draft may have moved on). */
export function useNodeNames(document: JourneyDocument) {
  const locale = useLocale();
  const find = (nodeId: string) => document.nodes.find((node) => node.id === nodeId);
  return {
    type: (nodeId: string) => find(nodeId)?.type,
    name: (nodeId: string) => {
      const node = find(nodeId);
      return node ? displayName(node, locale) : nodeId;
    },
    /** "Granted", "Failed"…: the label of the handle an outcome leaves by. */
    outcome: (nodeId: string, outcome: string) => {
      const node = find(nodeId);
      return (node && outputsOf(node).find((handle) => handle.id === outcome)?.label[locale]) ?? outcome;
    },
  };
}
