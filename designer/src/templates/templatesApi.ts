import type { TemplateDetail, TemplateInput, TemplateJourneyInput, TemplateSummary } from '@journey/shared';
import { requestJson } from '../api/http';
import type { JourneyRecord } from '../api/journeys';

// The templates API of the runtime (see /openapi.json), and the reference data a template's form offers.

/** A benefit pool or a segment, as far as choosing one needs. */
export interface NamedReference {
  id: string;
  name: string;
}

const path = (id: string, rest = '') => `/v1/templates/${encodeURIComponent(id)}${rest}`;

export const templatesApi = {
  list: () => requestJson<{ templates: TemplateSummary[] }>('GET', '/v1/templates').then((body) => body.templates),
  save: (id: string, template: TemplateInput) => requestJson<TemplateDetail>('PUT', path(id), template),
  remove: (id: string) => requestJson<void>('DELETE', path(id)),
  /** The new journey is a draft, answered exactly as `POST /v1/journeys` answers. */
  createJourney: (templateId: string, journey: TemplateJourneyInput) =>
    requestJson<JourneyRecord>('POST', path(templateId, '/journeys'), journey),
};

export const referenceApi = {
  benefitPools: () => requestJson<{ pools: NamedReference[] }>('GET', '/v1/benefit-pools').then((body) => body.pools),
  segments: () => requestJson<{ segments: NamedReference[] }>('GET', '/v1/segments').then((body) => body.segments),
};

export const templateKeys = {
  all: ['templates'] as const,
  list: () => [...templateKeys.all, 'list'] as const,
};

export const referenceKeys = {
  benefitPools: ['benefit-pools'] as const,
  segments: ['segments'] as const,
};
