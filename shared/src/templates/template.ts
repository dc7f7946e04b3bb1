import { z } from 'zod';
import { isNodeType, type Locale, locales, parseNodeConfig } from '../catalog/catalog';
import { eventName } from '../catalog/schemas';
import { type JourneyDocument, journeyDocumentSchema } from '../model/document';
import { type DocumentIssue, parseJourneyDocument, toDocumentIssues } from '../model/migrate';
import { parseJourneyDuration } from '../time';
import { locateTarget, readLocation, writeLocation } from './targets';

export const templateParameterKinds = ['event', 'text', 'benefitPool', 'segment', 'duration', 'number'] as const;
export type TemplateParameterKind = (typeof templateParameterKinds)[number];

export const templateParameterSchema = z
  .strictObject({
    key: z
      .string()
      .max(200)
      .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a key starts with a letter and uses letters, digits and "_" only'),
    label: z.string().trim().min(1, 'say what the form asks for').max(200),
    hint: z.string().max(1000).optional(),
    kind: z.enum(templateParameterKinds),
    targets: z
      .array(z.string().min(1).max(500))
      .min(1, 'a parameter needs at least one target')
      .max(200)
      .describe('dotted paths into the document, e.g. nodes.welcome-sms.config.template.body'),
  })
  .meta({ id: 'TemplateParameter' });
export type TemplateParameter = z.infer<typeof templateParameterSchema>;

const templateDescriptionSchema = z.string().max(5000);
const templateCategorySchema = z.string().trim().min(1).max(100);

/** A template's wording in one language; whatever it leaves out is shown in the template's own words. */
export const templateTranslationSchema = z
  .strictObject({
    name: journeyDocumentSchema.shape.name.optional(),
    description: templateDescriptionSchema.optional(),
    category: templateCategorySchema.optional(),
    parameters: z
      .record(
        z.string().max(200),
        z.strictObject({
          label: templateParameterSchema.shape.label.optional(),
          hint: templateParameterSchema.shape.hint,
        }),
      )
      .optional()
      .describe('parameter key → its label and hint in this language'),
  })
  .meta({ id: 'TemplateTranslation' });
export type TemplateTranslation = z.infer<typeof templateTranslationSchema>;

export const templateTranslationsSchema = z
  .partialRecord(z.enum(locales), templateTranslationSchema)
  .describe("the template's wording by interface language; its own fields are in the author's language");
export type TemplateTranslations = z.infer<typeof templateTranslationsSchema>;

/** The template's own fields; its document is read by `parseJourneyDocument`, which migrates old versions. */
const templateFieldsSchema = z.strictObject({
  id: journeyDocumentSchema.shape.id,
  name: journeyDocumentSchema.shape.name,
  description: templateDescriptionSchema.optional(),
  category: templateCategorySchema.optional(),
  parameters: z.array(templateParameterSchema).max(100),
  translations: templateTranslationsSchema.optional(),
  document: z.unknown(),
});

export interface JourneyTemplate {
  id: string;
  name: string;
  description?: string;
  category?: string;
  parameters: TemplateParameter[];
  translations?: TemplateTranslations;
  document: JourneyDocument;
}

export type TemplateValue = string | number;

export type TemplateParse = { ok: true; template: JourneyTemplate } | { ok: false; issues: DocumentIssue[] };

const valueType = (kind: TemplateParameterKind) => (kind === 'number' ? 'number' : 'string');

/** Why `target` cannot belong to `parameter`, if it cannot; `owners` maps the targets claimed so far to their keys. */
function targetProblem(
  document: JourneyDocument,
  parameter: TemplateParameter,
  target: string,
  owners: ReadonlyMap<string, string>,
): string | undefined {
  const found = locateTarget(document, target);
  if (!found.ok) return found.message;
  const value = readLocation(found.location);
  const type = valueType(parameter.kind);
  if (typeof value !== type) {
    return `"${target}" holds ${JSON.stringify(value)}, not the ${type} a ${parameter.kind} parameter sets`;
  }
  const owner = owners.get(target);
  return owner === undefined ? undefined : `"${target}" is already set by parameter "${owner}"`;
}

/** Keys must be unique, every target must name a value of its kind's type, and no value may belong to two parameters. */
function parameterIssues(document: JourneyDocument, parameters: readonly TemplateParameter[]): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  const keys = new Map<string, number>();
  const owners = new Map<string, string>();
  for (const [index, parameter] of parameters.entries()) {
    const earlier = keys.get(parameter.key);
    if (earlier !== undefined) {
      issues.push({ path: `parameters.${index}.key`, message: `parameter ${earlier} already uses "${parameter.key}"` });
    }
    keys.set(parameter.key, earlier ?? index);
    for (const [targetIndex, target] of parameter.targets.entries()) {
      const problem = targetProblem(document, parameter, target, owners);
      if (problem) issues.push({ path: `parameters.${index}.targets.${targetIndex}`, message: problem });
      else owners.set(target, parameter.key);
    }
  }
  return issues;
}

/** Each translated parameter must be one of the template's parameters. */
function translationIssues(
  parameters: readonly TemplateParameter[],
  translations: TemplateTranslations | undefined,
): DocumentIssue[] {
  const keys = new Set(parameters.map((parameter) => parameter.key));
  return locales.flatMap((locale) =>
    Object.keys(translations?.[locale]?.parameters ?? {})
      .filter((key) => !keys.has(key))
      .map((key) => ({
        path: `translations.${locale}.parameters.${key}`,
        message: `the template has no parameter "${key}"`,
      })),
  );
}

/** Reads a journey template (its fields and example document); never throws. Issue paths name the field. */
export function parseJourneyTemplate(json: unknown): TemplateParse {
  const fields = templateFieldsSchema.safeParse(json);
  if (!fields.success) return { ok: false, issues: toDocumentIssues(fields.error) };
  const document = parseJourneyDocument(fields.data.document);
  if (!document.ok) {
    return {
      ok: false,
      issues: document.issues.map((issue) => ({ ...issue, path: ['document', issue.path].filter(Boolean).join('.') })),
    };
  }
  const issues = [
    ...parameterIssues(document.document, fields.data.parameters),
    ...translationIssues(fields.data.parameters, fields.data.translations),
  ];
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, template: { ...fields.data, document: document.document } };
}

/** The wording of a template, or of a summary of one, that `localizedTemplate` translates. */
interface LocalizableTemplate {
  name: string;
  description?: string;
  category?: string;
  parameters: readonly TemplateParameter[];
  translations?: TemplateTranslations;
}

/**
 * The template as shown in `locale`: its name, description, category and each parameter's label and hint from the
 * translation for that locale where it has one, otherwise the template's own words, field by field.
 */
export function localizedTemplate<T extends LocalizableTemplate>(template: T, locale: Locale): T {
  const translation = template.translations?.[locale];
  if (!translation) return template;
  const wording = translation.parameters ?? {};
  return {
    ...template,
    name: translation.name ?? template.name,
    description: translation.description ?? template.description,
    category: translation.category ?? template.category,
    parameters: template.parameters.map((parameter) => {
      const translated = Object.hasOwn(wording, parameter.key) ? wording[parameter.key] : undefined;
      return {
        ...parameter,
        label: translated?.label ?? parameter.label,
        hint: translated?.hint ?? parameter.hint,
      };
    }),
  };
}

/** Locates a target of a parsed template; parsing checked that each one resolves. */
function locate(document: JourneyDocument, target: string) {
  const found = locateTarget(document, target);
  if (!found.ok) throw new Error(`template target ${found.message}`);
  return found.location;
}

/** The value each parameter has in the example document (read from its first target). */
export function templateDefaults(template: JourneyTemplate): Record<string, TemplateValue> {
  return Object.fromEntries(
    template.parameters.map((parameter) => [
      parameter.key,
      readLocation(locate(template.document, parameter.targets[0]!)) as TemplateValue,
    ]),
  );
}

/** Why a value cannot fill a parameter of this kind, if it cannot. */
function valueProblem(kind: TemplateParameterKind, value: unknown): string | undefined {
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value) ? undefined : 'enter a number';
  if (typeof value !== 'string') return 'enter text';
  if (kind === 'event') {
    const parsed = eventName.safeParse(value);
    return parsed.success ? undefined : parsed.error.issues[0]?.message;
  }
  if (kind === 'duration') {
    const parsed = parseJourneyDuration(value);
    return parsed.ok ? undefined : parsed.message;
  }
  return value.trim() === '' ? 'this cannot be empty' : undefined;
}

/** A copy of `document` with each parameter's value written to all its targets. */
function withValues(
  document: JourneyDocument,
  values: ReadonlyArray<readonly [TemplateParameter, TemplateValue]>,
): JourneyDocument {
  const copy = structuredClone(document);
  for (const [parameter, value] of values) {
    for (const target of parameter.targets) writeLocation(locate(copy, target), value);
  }
  return copy;
}

/** The first problem a value causes in the document or in a node it changes that was fine before. */
function documentProblem(
  before: JourneyDocument,
  after: JourneyDocument,
  parameter: TemplateParameter,
): string | undefined {
  const parsed = parseJourneyDocument(after);
  if (!parsed.ok) return parsed.issues[0]?.message;
  const nodeIds = new Set(
    parameter.targets.filter((target) => target.startsWith('nodes.')).map((target) => target.split('.')[1]),
  );
  for (const node of after.nodes) {
    if (!nodeIds.has(node.id) || !isNodeType(node.type)) continue;
    const previous = before.nodes.find((candidate) => candidate.id === node.id);
    const result = parseNodeConfig(node.type, node.config);
    if (!result.ok && previous && parseNodeConfig(node.type, previous.config).ok) return result.issues[0]?.message;
  }
  return undefined;
}

/**
 * A new journey document: the template's document with each given parameter written to all its targets (missing
 * ones keep the default), under the given id and name. Issue paths are `id`, `name` and `parameters.<key>`.
 */
export function instantiateTemplate(
  template: JourneyTemplate,
  input: { id: string; name: string; parameters: Readonly<Record<string, unknown>> },
): { ok: true; document: JourneyDocument } | { ok: false; issues: DocumentIssue[] } {
  const issues: DocumentIssue[] = [];
  for (const field of ['id', 'name'] as const) {
    const parsed = journeyDocumentSchema.shape[field].safeParse(input[field]);
    if (!parsed.success) issues.push({ path: field, message: parsed.error.issues[0]?.message ?? 'invalid' });
  }
  const parameters = new Map(template.parameters.map((parameter) => [parameter.key, parameter]));
  for (const key of Object.keys(input.parameters)) {
    if (!parameters.has(key))
      issues.push({ path: `parameters.${key}`, message: `the template has no parameter "${key}"` });
  }
  const accepted: Array<[TemplateParameter, TemplateValue]> = [];
  for (const parameter of template.parameters) {
    // Own keys only: a key such as "constructor" must not read what every object inherits.
    if (!Object.hasOwn(input.parameters, parameter.key)) continue;
    const value = input.parameters[parameter.key];
    const path = `parameters.${parameter.key}`;
    const problem = valueProblem(parameter.kind, value);
    if (problem) {
      issues.push({ path, message: problem });
      continue;
    }
    // Checked alone against the example, so a problem is blamed on the one value that causes it.
    const caused = documentProblem(
      template.document,
      withValues(template.document, [[parameter, value as TemplateValue]]),
      parameter,
    );
    if (caused) issues.push({ path, message: caused });
    else accepted.push([parameter, value as TemplateValue]);
  }
  if (issues.length > 0) return { ok: false, issues };
  const parsed = parseJourneyDocument({ ...withValues(template.document, accepted), id: input.id, name: input.name });
  return parsed.ok ? { ok: true, document: parsed.document } : { ok: false, issues: parsed.issues };
}
