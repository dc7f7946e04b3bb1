import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';

/** Compact builders and API calls shared by the operations tests (tasks, organisation, ROI). */

type Nodes = Array<[id: string, type: string, config: Record<string, unknown>]>;
type Edges = Array<[source: string, handle: string, target: string]>;

export function journeyDocument(id: string, nodes: Nodes, edges: Edges, settings: Record<string, unknown> = {}) {
  return {
    schemaVersion: 1,
    id,
    name: `Journey ${id}`,
    settings: { reentry: 'never', timezone: 'Asia/Shanghai', ...settings },
    nodes: nodes.map(([nodeId, type, config], index) => ({
      id: nodeId,
      type,
      position: { x: index * 240, y: 0 },
      config,
    })),
    edges: edges.map(([source, sourceHandle, target]) => ({
      id: `${source}-${sourceHandle}`,
      source,
      sourceHandle,
      target,
    })),
  };
}

/** Sends a request, checks the status and returns the JSON body. */
export async function call<T>(app: FastifyInstance, options: InjectOptions, status = 200): Promise<T> {
  const response = await app.inject(options);
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

export async function publish(app: FastifyInstance, document: { id: string }): Promise<void> {
  await call(app, { method: 'POST', url: '/v1/journeys', payload: document }, 201);
  await call(app, { method: 'POST', url: `/v1/journeys/${document.id}/publish` }, 201);
}

export async function sendEvents(app: FastifyInstance, events: Array<Record<string, unknown>>): Promise<void> {
  await call(app, { method: 'POST', url: '/v1/events', payload: { events } }, 202);
}

/** Moves the manual clock, firing due timers, dispatching due messages and raising overdue tasks. */
export async function advance(app: FastifyInstance, duration: string): Promise<void> {
  await call(app, { method: 'POST', url: '/v1/admin/clock', payload: { advance: duration } });
}

export async function putCustomer(app: FastifyInstance, id: string, attributes: Record<string, unknown>) {
  await call(app, { method: 'PUT', url: `/v1/customers/${id}`, payload: { attributes } }, 201);
}
