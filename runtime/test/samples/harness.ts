import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildTestApp } from '../helpers';

/**
 * Drives a sample journey from `samples/journeys` through the public HTTP API only: profiles, benefit pools,
 * publishing, events and the manual clock in; instances, traces and messages out.
 */

const SAMPLES = new URL('../../../samples/journeys/', import.meta.url);

interface SampleDocument {
  id: string;
  nodes: Array<{ type: string; config: Record<string, unknown> }>;
}

function readSample(file: string): SampleDocument {
  return JSON.parse(readFileSync(new URL(file, SAMPLES), 'utf8'));
}

/**
 * The document with its segment trigger pointed at `segmentId`. Segments get server-generated ids
 * (POST /v1/segments takes none), so a sample's own segmentId cannot be created as such.
 */
function onSegment(document: SampleDocument, segmentId: string): SampleDocument {
  return {
    ...document,
    nodes: document.nodes.map((node) =>
      node.type === 'trigger' && node.config.kind === 'segment'
        ? { ...node, config: { ...node.config, segmentId } }
        : node,
    ),
  };
}

/** The parts of `GET /v1/customers/:id/journeys` and `GET /v1/messages` these tests read. */
export interface Instance {
  journeyId: string;
  status: 'active' | 'completed' | 'goal' | 'exited';
  node: string;
  variants: Record<string, string>;
  enteredAt: string;
  convertedAt: string | null;
  trace: Array<{ detail: { actions?: Array<{ type: string; nodeId?: string }> } }>;
}

export interface Message {
  nodeId: string;
  channel: string;
  title: string | null;
  body: string;
  status: string;
  sentAt: string | null;
}

export interface Pool {
  id: string;
  budget: number;
  perCustomerLimit?: number;
  perCustomerPeriod?: 'day' | 'week' | 'month' | 'ever';
}

export interface SampleRun {
  app: FastifyInstance;
  put(customerId: string, profile: { attributes?: Record<string, unknown>; tags?: string[] }): Promise<void>;
  /** Streams customers in as CSV, ids from the `id` column. */
  importCsv(csv: string): Promise<void>;
  createPool(pool: Pool): Promise<void>;
  /** Creates a segment and returns its id. */
  createSegment(name: string, condition: object): Promise<string>;
  /** Creates the journey from the sample document (its segment trigger on `segmentId`, if given), publishes it and runs due work. */
  publish(options?: { segmentId?: string }): Promise<void>;
  /** Sends events now; each gets a fresh eventId. Returns how many were accepted. */
  send(...events: Array<{ customerId: string; type: string; properties?: Record<string, unknown> }>): Promise<number>;
  /** Moves the manual clock by an ISO-8601 duration (or to an instant), firing due timers and messages. */
  advance(duration: string): Promise<void>;
  advanceTo(instant: string): Promise<void>;
  /** The customer's instances of this journey, oldest first. */
  instances(customerId: string): Promise<Instance[]>;
  /** The customer's only instance of this journey. */
  instance(customerId: string): Promise<Instance>;
  /** Messages of this journey to the customer, oldest first. */
  messages(customerId: string): Promise<Message[]>;
  grantedFrom(poolId: string): Promise<number>;
}

/** Node ids an instance entered, in order, from the actions recorded in its trace. */
export function pathOf(instance: Instance): string[] {
  return instance.trace.flatMap((step) =>
    (step.detail.actions ?? []).flatMap((action) =>
      action.type === 'enterNode' && action.nodeId ? [action.nodeId] : [],
    ),
  );
}

/** `[nodeId, channel, status]` of each message, oldest first. */
export const deliveries = (messages: Message[]) => messages.map((m) => [m.nodeId, m.channel, m.status]);

export async function startSample(file: string): Promise<SampleRun> {
  const document = readSample(file);
  const { app } = await buildTestApp();
  let eventSequence = 0;

  async function call(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
    const response = await app.inject({ method, url, ...(payload ? { payload } : {}) });
    expect([200, 201, 202], `${method} ${url}: ${response.body}`).toContain(response.statusCode);
    return response.json();
  }

  const run: SampleRun = {
    app,
    async put(customerId, profile) {
      await call('PUT', `/v1/customers/${customerId}`, profile);
    },
    async importCsv(csv) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/customers/import?idColumn=id',
        headers: { 'content-type': 'text/csv' },
        payload: csv,
      });
      expect(response.json(), response.body).toMatchObject({ rejected: [] });
    },
    async createPool(pool) {
      await call('POST', '/v1/benefit-pools', { name: pool.id, ...pool });
    },
    async createSegment(name, condition) {
      return (await call('POST', '/v1/segments', { name, condition })).id;
    },
    async publish({ segmentId } = {}) {
      await call('POST', '/v1/journeys', segmentId ? onSegment(document, segmentId) : document);
      await call('POST', `/v1/journeys/${document.id}/publish`, { publishedBy: 'sample-test' });
      await app.runDueWork(); // what the background loop does next: run segment entry, deliver messages
    },
    async send(...events) {
      const batch = events.map((event) => ({ eventId: `${document.id}-${++eventSequence}`, ...event }));
      return (await call('POST', '/v1/events', { events: batch })).accepted;
    },
    async advance(duration) {
      await call('POST', '/v1/admin/clock', { advance: duration });
    },
    async advanceTo(instant) {
      await call('POST', '/v1/admin/clock', { to: instant });
    },
    async instances(customerId) {
      const { instances } = (await call('GET', `/v1/customers/${customerId}/journeys`)) as { instances: Instance[] };
      return instances.filter((instance) => instance.journeyId === document.id);
    },
    async instance(customerId) {
      const instances = await run.instances(customerId);
      expect(instances, `instances of ${customerId}`).toHaveLength(1);
      return instances[0]!;
    },
    async messages(customerId) {
      const query = `customerId=${customerId}&journeyId=${document.id}&limit=1000`;
      const { messages } = (await call('GET', `/v1/messages?${query}`)) as { messages: Message[] };
      return messages.reverse();
    },
    async grantedFrom(poolId) {
      const { pools } = (await call('GET', '/v1/benefit-pools')) as { pools: Array<{ id: string; granted: number }> };
      return pools.find((pool) => pool.id === poolId)?.granted ?? 0;
    },
  };
  return run;
}
