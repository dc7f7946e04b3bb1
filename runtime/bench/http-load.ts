/** A small keep-alive HTTP client for the bench: batches on a few connections, and single events at a fixed rate. */
import http from 'node:http';
import { Readable } from 'node:stream';
import type { EventBody } from './workload';

export interface HttpReply {
  status: number;
  body: string;
}

export class LoadClient {
  readonly #agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(baseUrl)) throw new Error(`the bench only loads loopback, not ${baseUrl}`);
  }

  request(
    method: string,
    path: string,
    body?: string | Readable,
    contentType = 'application/json',
  ): Promise<HttpReply> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { authorization: `Bearer ${this.apiKey}` };
      if (body !== undefined) headers['content-type'] = contentType;
      const outgoing = http.request(
        new URL(path, this.baseUrl),
        { method, agent: this.#agent, headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      if (body instanceof Readable) body.pipe(outgoing);
      else outgoing.end(body);
    });
  }

  /** Sends a request and returns the reply body, failing on any other status than `status`. */
  async expect(status: number, method: string, path: string, body?: string | Readable, contentType?: string) {
    const reply = await this.request(method, path, body, contentType);
    if (reply.status !== status) throw new Error(`${method} ${path}: HTTP ${reply.status} ${reply.body.slice(0, 500)}`);
    return reply.body;
  }

  /** Posts one batch and checks that the runtime accepted every event of it (202 after the commit). */
  async postEvents(events: readonly EventBody[]): Promise<void> {
    const body = events.length === 1 ? JSON.stringify(events[0]) : JSON.stringify({ events });
    const reply = await this.expect(202, 'POST', '/v1/events', body);
    const { accepted } = JSON.parse(reply) as { accepted: number };
    if (accepted !== events.length) throw new Error(`expected ${events.length} events accepted, got ${reply}`);
  }

  /** Posts batches from `next` on `connections` connections until it returns undefined or `deadline` passes. */
  async postBatches(next: () => EventBody[] | undefined, connections: number, deadline = Number.POSITIVE_INFINITY) {
    const started = performance.now();
    let events = 0;
    // The deadline is checked before taking a batch, so every batch taken is sent: what was sent is a prefix.
    const worker = async () => {
      while (performance.now() < deadline) {
        const batch = next();
        if (!batch) return;
        await this.postEvents(batch);
        events += batch.length;
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
    return { events, seconds: (performance.now() - started) / 1000 };
  }

  /**
   * Sends `total` single events at `ratePerSecond`, open loop (a slow reply never delays the next send), and
   * returns each ack latency counted from its scheduled send time, so queueing is never hidden.
   */
  async paced(event: (sent: number) => EventBody, ratePerSecond: number, total: number) {
    const intervalMs = 1000 / ratePerSecond;
    const latencies: number[] = [];
    const inFlight: Array<Promise<void>> = [];
    const started = performance.now();
    for (let sent = 0; sent < total; sent++) {
      const due = started + sent * intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(this.postEvents([event(sent)]).then(() => void latencies.push(performance.now() - due)));
    }
    await Promise.all(inFlight);
    return { latencies, seconds: (performance.now() - started) / 1000 };
  }

  close(): void {
    this.#agent.destroy();
  }
}

/** Hands out consecutive batches of the events `make(from)` … `make(to - 1)`. */
export function batches(make: (index: number) => EventBody, from: number, to: number, size: number) {
  let next = from;
  const source = () => {
    if (next >= to) return undefined;
    const end = Math.min(next + size, to);
    const batch: EventBody[] = [];
    for (; next < end; next++) batch.push(make(next));
    return batch;
  };
  return Object.assign(source, { position: () => next });
}
