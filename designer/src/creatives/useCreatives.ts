import {
  type Creative,
  type CreativeContent,
  type CreativeList,
  catalog,
  channelLabels,
  creativeContents,
  type JourneyDocument,
  type JourneyNode,
  type Locale,
  resolveCreatives,
} from '@journey/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { summaryOf } from '../store/catalogView';
import { useJourneyStore } from '../store/journeyStore';
import { creativeKeys, creativesApi } from './creativesApi';

/** The library by creative id, and whether publishing sends only approved text (creative approval is on). */
export interface CreativeLibrary {
  byId: ReadonlyMap<string, Creative>;
  approvalRequired: boolean;
}

const libraryOf = ({ creatives, approvalRequired }: CreativeList): CreativeLibrary => ({
  byId: new Map(creatives.map((creative) => [creative.id, creative])),
  approvalRequired,
});

/**
 * The library, or undefined until it has loaded (or when it cannot be): then the draft is shown and checked as
 * written, and the runtime still resolves and checks the creatives when publishing.
 */
export function useCreatives(): CreativeLibrary | undefined {
  // `select` is a stable function, so every caller shares one library for as long as the list is unchanged.
  return useQuery({ queryKey: creativeKeys.list(), queryFn: creativesApi.list, select: libraryOf }).data;
}

/**
 * The text each creative the document uses sends, exactly as the runtime resolves it when publishing: with approval
 * required the approved text, and creatives never approved marked for the validator to refuse.
 */
export function contentsFor(document: JourneyDocument, library: CreativeLibrary): Map<string, CreativeContent> {
  return creativeContents(document, (id) => library.byId.get(id), library.approvalRequired);
}

// Resolved once per draft and library, however many components ask for it.
const resolutions = new WeakMap<CreativeLibrary, WeakMap<JourneyDocument, JourneyDocument>>();

function resolvedWith(document: JourneyDocument, creatives: CreativeLibrary | undefined): JourneyDocument {
  if (!creatives) return document;
  const cache = resolutions.get(creatives) ?? new WeakMap<JourneyDocument, JourneyDocument>();
  resolutions.set(creatives, cache);
  const cached = cache.get(document);
  if (cached) return cached;
  const resolved = resolveCreatives(document, contentsFor(document, creatives));
  cache.set(document, resolved);
  return resolved;
}

/** The draft with the text each creative sends in its message steps: what publishing would store and send. */
export function useResolvedDraft(): JourneyDocument {
  const creatives = useCreatives();
  return useJourneyStore((state) => resolvedWith(state.document, creatives));
}

/** The canvas summary of a step; a message taking its text from the library names the creative. */
export function useNodeSummary(node: Pick<JourneyNode, 'type' | 'config'>, locale: Locale): string {
  const { t } = useTranslation();
  const creatives = useCreatives();
  const message = node.type === 'message' ? catalog.message.configSchema.safeParse(node.config).data : undefined;
  const creative = message?.creativeId === undefined ? undefined : creatives?.byId.get(message.creativeId);
  if (!message || !creative) return summaryOf(node, locale);
  return t('creatives.nodeSummary', { channel: channelLabels[message.channel][locale], name: creative.name });
}
