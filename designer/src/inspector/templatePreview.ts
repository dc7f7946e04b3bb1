import { type Locale, readPath } from '@journey/shared';

/** Sample data for previewing message text; the keys are the attributes offered by "insert attribute". */
export const sampleProfiles: Record<Locale, Record<string, string | number>> = {
  en: { name: 'Alex Chen', cardTier: 'Gold', points: 1280, branch: 'Lujiazui', rmName: 'Grace Li' },
  'zh-CN': { name: '王小明', cardTier: '金卡', points: 1280, branch: '陆家嘴支行', rmName: '李经理' },
};

const sampleEvents: Record<Locale, Record<string, string | number>> = {
  en: { amount: 128.5, merchant: 'Starbucks' },
  'zh-CN': { amount: 128.5, merchant: '星巴克' },
};

export interface PreviewPart {
  text: string;
  /** A placeholder the sample data cannot fill (a typo, or data only the real customer has). */
  unresolved: boolean;
}

const PLACEHOLDER = /\{\{\s*(profile|event)\.([A-Za-z0-9_.]+)\s*\}\}/g;

/** Message text with `{{profile.x}}` and `{{event.x}}` filled in from the sample data. */
export function renderPreview(body: string, locale: Locale): PreviewPart[] {
  const parts: PreviewPart[] = [];
  let last = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    const [placeholder, scope, path] = match;
    if (match.index > last) parts.push({ text: body.slice(last, match.index), unresolved: false });
    const value = readPath(scope === 'event' ? sampleEvents[locale] : sampleProfiles[locale], path ?? '');
    parts.push(
      value === undefined || value === null
        ? { text: placeholder, unresolved: true }
        : { text: String(value), unresolved: false },
    );
    last = match.index + placeholder.length;
  }
  if (last < body.length) parts.push({ text: body.slice(last), unresolved: false });
  return parts;
}
