import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eventsRequestSchema, ingestResultSchema } from '../events/schema';

const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Ingest one event or a batch of up to 1000',
        description:
          'Replies after the batch is committed. Events whose eventId was seen before are counted as duplicates ' +
          'and otherwise ignored. Events for unknown customers create them with an empty profile.',
        body: eventsRequestSchema,
        response: { 202: ingestResultSchema },
      },
    },
    async (request, reply) => {
      const events = 'events' in request.body ? request.body.events : [request.body];
      return reply.code(202).send(app.eventIngestion.ingest(events));
    },
  );
};

export default eventRoutes;
