import type { JourneyDocument } from '@journey/shared';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type { JourneyRecord, JourneyVersion } from '../api/journeys';
import { App } from '../app/App';

// Tests stand in for the runtime at the one boundary the designer has with it: `fetch`.

export interface FakeResponse {
  status?: number;
  body?: unknown;
}

/** `'PUT /v1/journeys/x'` → what to answer; a function also sees the request body. */
export type Routes = Record<string, FakeResponse | ((body: unknown) => FakeResponse | Promise<FakeResponse>)>;

export interface Call {
  method: string;
  path: string;
  body: unknown;
  /** The If-Match header: the draft revision a save is based on. */
  ifMatch: string | null;
  contentType: string | null;
}

const notFound = (path: string): FakeResponse => ({
  status: 404,
  body: { error: 'Not Found', message: `No route ${path}` },
});

/** Replaces `fetch` with the routes given; every call is recorded, unknown routes answer 404 as the runtime does. */
export function fakeRuntime(routes: Routes) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const path = String(input);
    // JSON as its value, a file (a CSV import) as its text.
    const body: unknown =
      typeof init?.body === 'string'
        ? JSON.parse(init.body)
        : init?.body instanceof Blob
          ? await init.body.text()
          : undefined;
    const headers = new Headers(init?.headers);
    calls.push({ method, path, body, ifMatch: headers.get('if-match'), contentType: headers.get('content-type') });
    const route = routes[`${method} ${path}`];
    const answer = route === undefined ? notFound(path) : typeof route === 'function' ? await route(body) : route;
    // 204 No Content may carry no body.
    return new Response(answer.status === 204 ? null : JSON.stringify(answer.body ?? {}), {
      status: answer.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return {
    calls,
    callsTo: (method: string, path: string) => calls.filter((call) => call.method === method && call.path === path),
  };
}

export function journeyRecord(document: JourneyDocument, overrides: Partial<JourneyRecord> = {}): JourneyRecord {
  return {
    id: document.id,
    revision: `rev-${document.name}`,
    name: document.name,
    status: 'draft',
    liveVersion: null,
    draft: document,
    createdAt: '2026-01-05T02:00:00.000Z',
    updatedAt: '2026-01-05T02:00:00.000Z',
    ...overrides,
  };
}

export function journeyVersion(
  document: JourneyDocument,
  version: number,
  publishedBy: string | null = 'Grace',
): JourneyVersion {
  return { journeyId: document.id, version, publishedAt: '2026-01-05T02:00:00.000Z', publishedBy, document };
}

/** The whole app at `path` (a hash route), with a query client of its own and no retries. */
export function renderApp(path: string) {
  window.location.hash = path;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<App queryClient={queryClient} />);
}
