/** A minimal client for the runtime's REST API, shared by the seed, the traffic simulator and the demo. */

/** The runtime did not answer at all (nothing listening, DNS, reset): distinct from an HTTP error reply. */
export class RuntimeUnreachableError extends Error {
  constructor(baseUrl: string, cause: unknown) {
    const reason = networkReason(cause);
    super(
      `Cannot reach the runtime at ${baseUrl}${reason ? ` (${reason})` : ''}. ` +
        'Start it with `pnpm start` (or `pnpm --filter @journey/runtime start`), or point --url at a running one.',
      { cause },
    );
  }
}

/** The runtime answered with an error status. */
export class RuntimeHttpError extends Error {
  constructor(
    readonly status: number,
    method: string,
    path: string,
    body: string,
  ) {
    const hint = status === 401 || status === 403 ? ' (set JOURNEY_API_KEY to an API key allowed to do this)' : '';
    super(`${method} ${path} answered ${status}: ${body.slice(0, 300)}${hint}`);
  }
}

/** The system error code behind a failed fetch (`ECONNREFUSED`), or its message. */
function networkReason(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
  return error instanceof Error ? error.message : undefined;
}

export class RuntimeApi {
  readonly baseUrl: string;
  readonly #authorization: Record<string, string>;

  /** `apiKey` is sent as a Bearer token; by default the JOURNEY_API_KEY environment variable, if set. */
  constructor(baseUrl: string, apiKey = process.env.JOURNEY_API_KEY) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.#authorization = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  }

  /** Sends a JSON request (or a streamed body with its content type) and returns the parsed JSON reply. */
  async request<T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: { json: unknown } | { stream: AsyncIterable<string | Uint8Array>; contentType: string },
  ): Promise<T> {
    const headers = this.#authorization;
    const init: RequestInit =
      body === undefined
        ? { method, headers }
        : 'json' in body
          ? { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body.json) }
          : {
              method,
              headers: { ...headers, 'content-type': body.contentType },
              body: encode(body.stream),
              duplex: 'half',
            };
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, init);
    } catch (error) {
      throw new RuntimeUnreachableError(this.baseUrl, error);
    }
    const text = await response.text();
    if (!response.ok) throw new RuntimeHttpError(response.status, method, path, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Resolves when `/health` answers; throws {@link RuntimeUnreachableError} when nothing listens. */
  async health(): Promise<void> {
    await this.request('GET', '/health');
  }
}

/** fetch streams bytes; the generators here yield text. */
async function* encode(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const chunk of chunks) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}
