import type { JourneyChange, JourneyDocument, JourneyNode, Locale } from '@journey/shared';
import type { TFunction } from 'i18next';
import { displayName, outputsOf } from '../store/catalogView';

type SettingName = 'reentry' | 'timezone' | 'quietHours' | 'frequencyCap' | 'goal' | 'exitWhen';
const settingNames: ReadonlySet<string> = new Set<SettingName>([
  'reentry',
  'timezone',
  'quietHours',
  'frequencyCap',
  'goal',
  'exitWhen',
]);
const isSettingName = (field: string): field is SettingName => settingNames.has(field);

/**
 * Each semantic change (from `diffJourneys`) as a sentence an operator understands, e.g.
 * "Changed the settings of Wait 'Cooling-off'". Nodes are named as they were where they no longer exist.
 */
export function changeSentences(
  changes: readonly JourneyChange[],
  before: JourneyDocument,
  after: JourneyDocument,
  t: TFunction,
  locale: Locale,
): string[] {
  const find = (id: string, ...documents: JourneyDocument[]) =>
    documents.flatMap((document) => document.nodes).find((node) => node.id === id);
  const name = (node: JourneyNode | undefined, id: string) => {
    if (!node) return t('changes.unnamedNode', { type: t('changes.step'), id });
    const type = displayName({ type: node.type }, locale);
    return node.label ? t('changes.namedNode', { type, name: node.label }) : t('changes.unnamedNode', { type, id });
  };
  const handleName = (node: JourneyNode | undefined, handle: string) =>
    (node && outputsOf(node).find((output) => output.id === handle)?.label[locale]) ?? handle;

  const sentences = (change: JourneyChange): string[] => {
    switch (change.kind) {
      case 'journey':
        return change.field === 'name'
          ? [t('changes.renamedJourney', { before: before.name, after: after.name })]
          : [t('changes.description')];
      case 'settings':
        return [
          t('changes.setting', {
            setting: isSettingName(change.field) ? t(`changes.settings.${change.field}`) : change.field,
          }),
        ];
      case 'nodeAdded':
        return [t('changes.added', { node: name(find(change.nodeId, after), change.nodeId) })];
      case 'nodeRemoved':
        return [t('changes.removed', { node: name(find(change.nodeId, before), change.nodeId) })];
      case 'nodeChanged': {
        const previous = name(find(change.nodeId, before), change.nodeId);
        const current = name(find(change.nodeId, after), change.nodeId);
        const label = find(change.nodeId, after)?.label;
        return change.fields.map((field) => {
          if (field === 'config') return t('changes.config', { node: current });
          if (field === 'type') return t('changes.retyped', { before: previous, after: current });
          return label ? t('changes.renamed', { node: previous, label }) : t('changes.unlabelled', { node: previous });
        });
      }
      case 'edgeAdded':
      case 'edgeRemoved': {
        const [first, second] = change.kind === 'edgeAdded' ? [after, before] : [before, after];
        const source = find(change.source, first, second);
        const values = {
          source: name(source, change.source),
          handle: handleName(source, change.sourceHandle),
          target: name(find(change.target, first, second), change.target),
        };
        return [change.kind === 'edgeAdded' ? t('changes.connected', values) : t('changes.disconnected', values)];
      }
    }
  };
  return changes.flatMap(sentences);
}
