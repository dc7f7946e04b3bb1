import type { JourneyChange, JourneyDocument, JourneyMetrics } from '@journey/shared';
import { ApiError, requestJson } from './http';

// The journeys API of the runtime (see /openapi.json). The runtime stores only documents that parsed as
// journey documents, so drafts and versions arrive typed.

export type JourneyStatus = 'draft' | 'live' | 'paused' | 'archived';

export interface JourneyRecord {
  id: string;
  /** Names the draft's content; a save names the revision it edits. */
  revision: string;
  name: string;
  status: JourneyStatus;
  liveVersion: number | null;
  draft: JourneyDocument;
  createdAt: string;
  updatedAt: string;
}

export interface JourneyVersion {
  journeyId: string;
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  document: JourneyDocument;
}

/** 201: the draft is live as a new version. 202: maker-checker is on, and another person must approve it. */
export type PublishResult =
  | { version: JourneyVersion; changes: JourneyChange[]; migrated: number }
  | { approval: { id: number; status: 'pending' | 'approved' | 'rejected'; requestedBy: string } };

export type LifecycleAction = 'pause' | 'resume' | 'archive';

const path = (id: string, rest = '') => `/v1/journeys/${encodeURIComponent(id)}${rest}`;

export const journeysApi = {
  list: () => requestJson<{ journeys: JourneyRecord[] }>('GET', '/v1/journeys').then((body) => body.journeys),
  get: (id: string) => requestJson<JourneyRecord>('GET', path(id)),
  create: (document: JourneyDocument) => requestJson<JourneyRecord>('POST', '/v1/journeys', document),
  /** Saves only over the draft last seen (`basedOn`, its `revision`): a draft changed elsewhere is refused with 412. */
  saveDraft: (id: string, document: JourneyDocument, basedOn?: string) =>
    requestJson<JourneyRecord>('PUT', path(id), document, basedOn ? { 'if-match': `"${basedOn}"` } : {}),
  /** The runtime records who published from the caller's key or session. */
  publish: (id: string) => requestJson<PublishResult>('POST', path(id, '/publish'), {}),
  versions: (id: string) =>
    requestJson<{ versions: JourneyVersion[] }>('GET', path(id, '/versions')).then((body) => body.versions),
  lifecycle: (id: string, action: LifecycleAction) => requestJson<JourneyRecord>('POST', path(id, `/${action}`)),
  /** Live counters, or null where the runtime does not report them (not published, or no metrics route). */
  metrics: (id: string) =>
    requestJson<JourneyMetrics>('GET', path(id, '/metrics')).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }),
};

/** React Query keys: everything about one journey sits under `['journeys', id]`. */
export const journeyKeys = {
  all: ['journeys'] as const,
  list: () => [...journeyKeys.all, 'list'] as const,
  detail: (id: string) => [...journeyKeys.all, id] as const,
  versions: (id: string) => [...journeyKeys.all, id, 'versions'] as const,
  metrics: (id: string) => [...journeyKeys.all, id, 'metrics'] as const,
};
