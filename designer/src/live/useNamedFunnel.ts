import type { JourneyDocument, JourneyMetrics } from '@journey/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { displayName } from '../store/catalogView';
import { type FunnelRow, mainPathFunnel } from './funnel';

export type NamedFunnelRow = FunnelRow & { name: string };

/** The main-path funnel, each row named as the canvas names its node (the last row: the goal). */
export function useNamedFunnel(document: JourneyDocument, metrics: JourneyMetrics): NamedFunnelRow[] {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo(() => {
    const nodes = new Map(document.nodes.map((node) => [node.id, node]));
    return mainPathFunnel(document, metrics).map((row) => {
      const node = row.nodeId === null ? undefined : nodes.get(row.nodeId);
      return { ...row, name: node ? displayName(node, locale) : t('live.goal') };
    });
  }, [document, metrics, locale, t]);
}
