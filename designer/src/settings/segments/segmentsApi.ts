import type { Condition } from '@journey/shared';
import type { CustomerRecord } from '../../api/customers';
import { requestJson } from '../../api/http';

// The segments API of the runtime (see /openapi.json). A segment is created once and never changed, so journeys
// that enter from it keep entering the same customers.

export interface Segment {
  id: string;
  name: string;
  condition: Condition;
  createdAt: string;
}

export interface NewSegment {
  id: string;
  name: string;
  condition: Condition;
}

const path = (id: string, rest = '') => `/v1/segments/${encodeURIComponent(id)}${rest}`;

export const segmentsApi = {
  list: () => requestJson<{ segments: Segment[] }>('GET', '/v1/segments').then((body) => body.segments),
  create: (segment: NewSegment) => requestJson<Segment>('POST', '/v1/segments', segment),
  /** How many customers match now (the runtime scans them all, so each count is asked for on its own). */
  count: (id: string) => requestJson<{ count: number }>('GET', path(id, '/count')).then((body) => body.count),
  /** The first `limit` matching customers, in customer id order. */
  sample: (id: string, limit: number) =>
    requestJson<{ customers: CustomerRecord[]; nextCursor: string | null }>(
      'GET',
      path(id, `/customers?limit=${limit}`),
    ),
  /** How many customers a condition would select now, without saving anything. */
  preview: (condition: Condition) =>
    requestJson<{ count: number }>('POST', '/v1/segments/preview', { condition }).then((body) => body.count),
};

/** React Query keys: the list (also the segment choices of the template form), and each segment's counts. */
export const segmentKeys = {
  list: ['segments'] as const,
  count: (id: string) => ['segments', id, 'count'] as const,
  sample: (id: string) => ['segments', id, 'sample'] as const,
  preview: (condition: Condition) => ['segments', 'preview', condition] as const,
};
