import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Reply = { status: number; json: unknown };

/** What a runtime would answer: `/health` is up, `/v1/events` accepts every event. */
function runtimeReply(request: RecordedRequest): Reply {
  if (request.url === '/v1/events') {
    const { events } = JSON.parse(request.body) as { events: unknown[] };
    return { status: 202, json: { accepted: events.length, duplicates: 0 } };
  }
  return { status: 200, json: { status: 'ok' } };
}

/**
 * A stand-in for the runtime on a loopback port, closed when the test ends: it records every request and
 * answers with `reply` (by default like the runtime would).
 */
export async function startFakeRuntime(reply: (request: RecordedRequest) => Reply = runtimeReply) {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (incoming, outgoing) => {
    let body = '';
    for await (const chunk of incoming) body += chunk;
    const request = { method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers, body };
    requests.push(request);
    const { status, json } = reply(request);
    outgoing.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // fetch keeps connections alive
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

/** A loopback URL nothing listens on. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
