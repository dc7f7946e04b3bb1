import { readPath } from '../conditions/evaluate';

/** Placeholders a message template may use: `{{profile.name}}`, `{{event.amount}}`. */
const PLACEHOLDER = /\{\{\s*(profile|event)\.([A-Za-z0-9_.-]+)\s*\}\}/g;

export interface TemplateScope {
  profile: Readonly<Record<string, unknown>>;
  event?: Readonly<Record<string, unknown>>;
}

/** Fills a template's placeholders; a missing value renders as an empty string, never as "undefined". */
export function renderTemplate(template: string, scope: TemplateScope): string {
  return template.replace(PLACEHOLDER, (_match, source: 'profile' | 'event', path: string) => {
    const value = readPath(source === 'profile' ? scope.profile : (scope.event ?? {}), path);
    return value === undefined || value === null ? '' : String(value);
  });
}

/** The placeholders a template uses, e.g. `['profile.name']`, for validation and the designer's preview. */
export function templatePlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => `${match[1]}.${match[2]}`);
}
