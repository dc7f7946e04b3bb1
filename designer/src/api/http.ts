/** A field the server named in a 400, e.g. `{path: 'body.name', message: 'Too small'}`. */
export interface ApiIssue {
  path: string;
  message: string;
}

/** A failed request, with the server's own message and field issues (status 0: the server was not reached). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isIssue(value: unknown): value is ApiIssue {
  return (
    typeof value === 'object' &&
    value !== null &&
    'path' in value &&
    'message' in value &&
    typeof value.path === 'string' &&
    typeof value.message === 'string'
  );
}

/** The runtime answers every error as `{error, message, issues?}`; anything else is described by its status. */
async function errorOf(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string') {
    const issues = 'issues' in body && Array.isArray(body.issues) ? body.issues.filter(isIssue) : [];
    return new ApiError(response.status, body.message, issues);
  }
  return new ApiError(response.status, `${response.status} ${response.statusText}`.trim());
}

const unauthorizedListeners = new Set<() => void>();

/** Tells the sign-in gate of every request refused for want of a (still valid) session. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** What a request sends: nothing, a file as it is (a Blob, sent as its type, e.g. text/csv), or JSON. */
function payloadOf(body: unknown): { headers: Record<string, string>; body?: BodyInit } {
  if (body === undefined) return { headers: {} };
  if (body instanceof Blob) return { headers: { 'content-type': body.type }, body };
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** Calls the runtime API (same origin: the runtime serves the designer, the dev server proxies `/v1`). */
export async function requestJson<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Readonly<Record<string, string>> = {},
): Promise<T> {
  const payload = payloadOf(body);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: 'application/json', ...payload.headers, ...headers },
      ...(payload.body === undefined ? {} : { body: payload.body }),
    });
  } catch (cause) {
    throw new ApiError(0, cause instanceof Error ? cause.message : String(cause));
  }
  if (response.status === 401) for (const listener of unauthorizedListeners) listener();
  if (!response.ok) throw await errorOf(response);
  // The shapes are the runtime's (see /openapi.json); 204 No Content is the one answer without a body.
  return (response.status === 204 ? undefined : await response.json()) as T;
}
