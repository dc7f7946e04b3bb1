import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';

/** Compact builders and API calls shared by the operations tests (tasks, organisation, ROI). */

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
