import type { Creative, CreativeDetail, CreativeInput, CreativeList } from '@journey/shared';
import { requestJson } from '../api/http';

// The creatives library of the runtime (see /openapi.json): message texts that message steps refer to by id.

const path = (id: string) => `/v1/creatives/${encodeURIComponent(id)}`;

export const creativesApi = {
  /** Every creative, and whether publishing sends only approved text. */
  list: () => requestJson<CreativeList>('GET', '/v1/creatives'),
  get: (id: string) => requestJson<CreativeDetail>('GET', path(id)),
  /** Creates, or replaces the revision last seen (`basedOn`): a creative changed elsewhere is refused with 412. */
  save: (id: string, creative: CreativeInput, basedOn?: number) =>
    requestJson<Creative>('PUT', path(id), creative, basedOn === undefined ? {} : { 'if-match': `"${basedOn}"` }),
  remove: (id: string) => requestJson<void>('DELETE', path(id)),
  /** Approves the words of `revision`; a creative changed since, or (with maker-checker) one's own change, is a 409. */
  approve: (id: string, revision: number) => requestJson<Creative>('POST', `${path(id)}/approve`, { revision }),
};

/** The creatives of a list, as a query's `select`. */
export const listedCreatives = (list: CreativeList): Creative[] => list.creatives;

/** React Query keys: the list (every channel: pages filter it themselves) and each creative with its usage. */
export const creativeKeys = {
  all: ['creatives'] as const,
  list: () => [...creativeKeys.all, 'list'] as const,
  detail: (id: string) => [...creativeKeys.all, id] as const,
};
