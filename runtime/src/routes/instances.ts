import { channels } from '@journey/shared';
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { instanceSteps, instances, messages } from '../db/schema';
import { errorResponseSchema, NotFoundError } from '../http-errors';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const stepSchema = z.object({
  at: z.string(),
  cause: z.string().describe('the event type, "timer", or a message result that moved the instance'),
  eventId: z.string().nullable(),
  fromNode: z.string().nullable(),
  toNode: z.string(),
  detail: z.record(z.string(), z.unknown()),
});

const instanceSchema = z.object({
  id: z.int(),
  journeyId: z.string(),
  version: z.int(),
  status: z.enum(['active', 'completed', 'goal', 'exited']),
  node: z.string(),
  variants: z.record(z.string(), z.string()),
  enteredAt: z.string(),
  endedAt: z.string().nullable(),
  convertedAt: z.string().nullable(),
  trace: z.array(stepSchema),
});

const messageSchema = z.object({
  id: z.int(),
  journeyId: z.string(),
  version: z.int(),
  customerId: z.string(),
  nodeId: z.string(),
  channel: z.string(),
  title: z.string().nullable(),
  body: z.string(),
  status: z.enum(['pending', 'deferred', 'sending', 'sent', 'failed', 'dead', 'skipped']),
  attempts: z.int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

/** What happened to customers: their journeys with a step-by-step "why" trace, and the messages sent. */
const instanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/customers/:id/journeys',
    {
      schema: {
        tags: ['instances'],
        summary: "A customer's journeys: where they are and every step that moved them, with its cause",
        params: z.object({ id: z.string().min(1).max(128) }),
        response: { 200: z.object({ instances: z.array(instanceSchema) }), 404: errorResponseSchema },
      },
    },
    async (request) => {
      if (!app.customers.find(request.params.id)) throw new NotFoundError(`Customer ${request.params.id} not found`);
      const rows = app.db
        .select()
        .from(instances)
        .where(eq(instances.customerId, request.params.id))
        .orderBy(asc(instances.id))
        .all();
      const steps = rows.length
        ? app.db
            .select()
            .from(instanceSteps)
            .where(
              inArray(
                instanceSteps.instanceId,
                rows.map((row) => row.id),
              ),
            )
            .orderBy(asc(instanceSteps.id))
            .all()
        : [];
      return {
        instances: rows.map((row) => ({
          id: row.id,
          journeyId: row.journeyId,
          version: row.version,
          status: row.status,
          node: row.node,
          variants: row.variants,
          enteredAt: new Date(row.enteredAt).toISOString(),
          endedAt: iso(row.endedAt),
          convertedAt: iso(row.convertedAt),
          trace: steps
            .filter((step) => step.instanceId === row.id)
            .map((step) => ({
              at: new Date(step.at).toISOString(),
              cause: step.cause,
              eventId: step.eventId,
              fromNode: step.fromNode,
              toNode: step.toNode,
              detail: step.detail,
            })),
        })),
      };
    },
  );

  app.get(
    '/v1/messages',
    {
      schema: {
        tags: ['messages'],
        summary: 'Messages queued and dispatched, newest first, with their delivery status',
        querystring: z.object({
          journeyId: z.string().min(1).optional(),
          customerId: z.string().min(1).optional(),
          channel: z.enum(channels).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: { 200: z.object({ messages: z.array(messageSchema) }) },
      },
    },
    async (request) => {
      const { journeyId, customerId, channel, limit } = request.query;
      const filters: SQL[] = [];
      if (journeyId) filters.push(eq(messages.journeyId, journeyId));
      if (customerId) filters.push(eq(messages.customerId, customerId));
      if (channel) filters.push(eq(messages.channel, channel));
      const rows = app.db
        .select()
        .from(messages)
        .where(and(...filters))
        .orderBy(desc(messages.id))
        .limit(limit)
        .all();
      return {
        messages: rows.map((row) => ({
          id: row.id,
          journeyId: row.journeyId,
          version: row.version,
          customerId: row.customerId,
          nodeId: row.nodeId,
          channel: row.channel,
          title: row.title,
          body: row.body,
          status: row.status,
          attempts: row.attempts,
          lastError: row.lastError,
          createdAt: new Date(row.createdAt).toISOString(),
          sentAt: iso(row.sentAt),
        })),
      };
    },
  );
};

export default instanceRoutes;
