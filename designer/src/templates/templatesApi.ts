import type { TemplateDetail, TemplateInput, TemplateJourneyInput, TemplateSummary } from '@journey/shared';
import { requestJson } from '../api/http';
import type { JourneyRecord } from '../api/journeys';
import { budgetKeys, poolsApi } from '../settings/budgets/budgetsApi';
import { segmentKeys, segmentsApi } from '../settings/segments/segmentsApi';

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
  benefitPools: poolsApi.list,
  segments: segmentsApi.list,
};

export const templateKeys = {
  all: ['templates'] as const,
  list: () => [...templateKeys.all, 'list'] as const,
};

export const referenceKeys = {
  benefitPools: budgetKeys.pools,
  segments: segmentKeys.list,
};
