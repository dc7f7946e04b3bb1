import type { ConditionValue, Scalar } from '@journey/shared';
import type { Parsed } from './fields';

/** What a typed value means: numbers and true/false as such, anything else as text. */
export function parseScalar(text: string): Scalar {
  const trimmed = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  return text;
}

/** A value as typed: lists comma-separated, null as nothing. */
export function formatScalar(value: ConditionValue | undefined): string {
  return Array.isArray(value) ? value.map((item) => String(item ?? '')).join(', ') : String(value ?? '');
}

/** For `ParsedInput`: any text is a scalar. */
export const scalarInput = (text: string): Parsed<Scalar> => ({ ok: true, value: parseScalar(text) });

/** Tags as typed: separated by commas (Latin or Chinese). */
export const formatTags = (tags: string[] | undefined) => (tags ?? []).join(', ');
export const parseTags = (text: string): Parsed<string[] | undefined> => {
  const tags = text
    .split(/[,，]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
  return { ok: true, value: tags.length > 0 ? tags : undefined };
};
