import {
  instantiateTemplate,
  type TemplateParameter,
  type TemplateValue,
  templateDefaults,
  templateInputSchema,
  validateJourney,
} from '@journey/shared';
import { describe, expect, it } from 'vitest';
import { startFakeRuntime } from '../test/fake-runtime';
import { RuntimeApi } from './api';
import { loadSampleJourneys } from './journeys';
import { installSampleTemplates, loadSampleTemplates } from './templates';

const templates = loadSampleTemplates();
const documents = new Map(loadSampleJourneys().map(({ document }) => [document.id, document]));

/** A value an operator might enter instead of the example's, valid for the kind. */
function otherValue({ kind }: TemplateParameter, example: TemplateValue): TemplateValue {
  const values: Record<TemplateParameter['kind'], TemplateValue> = {
    event: 'renamed_event',
    text: 'Hello {{profile.name}}, this text was changed.',
    benefitPool: 'another-pool',
    segment: 'another-segment',
    duration: 'P5D',
    number: Number(example) + 1,
  };
  return values[kind];
}

describe('sample templates', () => {
  it('are one per sample journey, named after it, with a category, a description and parameters', () => {
    expect(templates.map((template) => template.id)).toEqual([...documents.keys()]);
    for (const template of templates) {
      expect(template.document).toEqual(documents.get(template.id));
      expect(template.category?.trim()).toBeTruthy();
      expect(template.description?.trim()).toBeTruthy();
      expect(template.parameters.length).toBeGreaterThanOrEqual(5);
      expect(new Set(template.parameters.map((parameter) => parameter.label)).size).toBe(template.parameters.length);
    }
  });

  it.each(templates)(
    '$id has every word of it in Simplified Chinese: name, description, category, each label and hint',
    (template) => {
      const chinese = template.translations?.['zh-CN'];
      const han = /\p{Script=Han}/u;
      expect(chinese?.name).toMatch(han);
      expect(chinese?.description).toMatch(han);
      expect(chinese?.category).toMatch(han);
      for (const { key, hint } of template.parameters) {
        const wording = chinese?.parameters?.[key];
        expect(wording?.label, key).toMatch(han);
        if (hint) expect(wording?.hint, key).toMatch(han);
      }
    },
  );

  it('use one Chinese category per English one, and distinct Chinese labels within each template', () => {
    const categories = new Map(
      templates.map((template) => [template.category, template.translations?.['zh-CN']?.category]),
    );
    expect(new Set(categories.values()).size).toBe(categories.size);
    for (const template of templates) {
      const labels = template.parameters.map(({ key }) => template.translations?.['zh-CN']?.parameters?.[key]?.label);
      expect(new Set(labels).size).toBe(template.parameters.length);
    }
  });

  it.each(templates)('$id reproduces its sample journey when every parameter keeps its default', (template) => {
    const document = documents.get(template.id)!;
    const result = instantiateTemplate(template, {
      id: document.id,
      name: document.name,
      parameters: templateDefaults(template),
    });
    expect(result).toEqual({ ok: true, document });
  });

  it.each(templates)('$id makes a valid journey with every parameter changed', (template) => {
    const defaults = templateDefaults(template);
    const parameters = Object.fromEntries(
      template.parameters.map((parameter) => [parameter.key, otherValue(parameter, defaults[parameter.key]!)]),
    );
    const result = instantiateTemplate(template, { id: 'from-template', name: 'From a template', parameters });
    expect(result.ok && validateJourney(result.document).filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('installs each template in the gallery under its file name', async () => {
    const runtime = await startFakeRuntime(() => ({ status: 201, json: {} }));
    expect(await installSampleTemplates(new RuntimeApi(runtime.url))).toBe(templates.length);
    expect(runtime.requests.map((request) => `${request.method} ${request.url}`)).toEqual(
      templates.map((template) => `PUT /v1/templates/${template.id}`),
    );
    for (const request of runtime.requests) {
      expect(templateInputSchema.safeParse(JSON.parse(request.body)).success).toBe(true);
    }
  });
});
