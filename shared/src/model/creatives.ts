import { z } from 'zod';
import type { Channel, JourneyDocument } from './document';

/** Names a creative in the library and in a message node's `creativeId`. */
export const creativeIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'creative ids are 1-64 letters, digits, "_" or "-"');

/** What a message needs from a library creative: the text to send and the channel it was written for. */
export interface CreativeContent {
  name: string;
  channel: Channel;
  title?: string;
  body: string;
  /**
   * Set when only approved text may be sent (creative approval is on) and the creative was never approved: the text
   * here is its working text, which must not reach customers, and the validator refuses the message.
   */
  unapproved?: boolean;
}

/** The creative a message node refers to, if it is a message with a `creativeId`. */
function creativeIdOf(node: JourneyDocument['nodes'][number]): string | undefined {
  const id = node.type === 'message' ? node.config.creativeId : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** Each creative id the document's messages use → the ids of the nodes using it, in document order. */
export function creativeReferences(document: JourneyDocument): Map<string, string[]> {
  const references = new Map<string, string[]>();
  for (const node of document.nodes) {
    const id = creativeIdOf(node);
    if (id !== undefined) references.set(id, [...(references.get(id) ?? []), node.id]);
  }
  return references;
}

/**
 * A copy of the document in which every message using a known creative carries that creative's text as its
 * `template` (keeping the `creativeId`), so what is published no longer depends on the library. Messages naming
 * a creative not in `creatives` are left as they are, for the validator to report.
 */
export function resolveCreatives(
  document: JourneyDocument,
  creatives: ReadonlyMap<string, CreativeContent>,
): JourneyDocument {
  return {
    ...document,
    nodes: document.nodes.map((node) => {
      const id = creativeIdOf(node);
      const creative = id === undefined ? undefined : creatives.get(id);
      if (!creative) return node;
      const template =
        creative.title === undefined ? { body: creative.body } : { title: creative.title, body: creative.body };
      return { ...node, config: { ...node.config, template } };
    }),
  };
}
