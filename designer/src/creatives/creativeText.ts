import type { Creative } from '@journey/shared';
import type { MessageText } from '../inspector/forms/MessageText';

/** The words of a creative, as a message step's `template` holds them. */
export function textOf(creative: Pick<Creative, 'title' | 'body'>): MessageText {
  return creative.title === undefined ? { body: creative.body } : { title: creative.title, body: creative.body };
}

/** Whether the search (any case) is in the creative's name, title or text; an empty search matches all. */
export function matchesSearch(creative: Pick<Creative, 'name' | 'title' | 'body'>, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  return (
    !needle ||
    [creative.name, creative.title ?? '', creative.body].some((text) => text.toLocaleLowerCase().includes(needle))
  );
}

/** The first line of the text, for a list row. */
export const firstLine = (body: string) => body.split('\n', 1)[0] ?? '';
