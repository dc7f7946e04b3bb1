import {
  type Creative,
  channels,
  creativeDetailSchema,
  creativeIdSchema,
  creativeInputSchema,
  creativeSchema,
} from '@journey/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type CreativeRow, creativeTag } from '../engine/creatives';
import { errorResponseSchema } from '../http-errors';
import { principalOf } from '../plugins/auth';

const creativeParams = z.object({ id: creativeIdSchema });

const toCreativeDto = (row: CreativeRow): Creative => ({
  id: row.id,
  name: row.name,
  channel: row.channel,
  ...(row.title === null ? {} : { title: row.title }),
  body: row.body,
  ...(row.description === null ? {} : { description: row.description }),
  revision: row.revision,
  updatedAt: new Date(row.updatedAt).toISOString(),
  ...(row.updatedBy === null ? {} : { updatedBy: row.updatedBy }),
});

const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** The creatives library: reusable message texts that message nodes choose by id. */
const creativeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['creatives'];

  app.get(
    '/v1/creatives',
    {
      schema: {
        tags,
        summary: 'List creatives by name, optionally of one channel',
        querystring: z.object({ channel: z.enum(channels).optional() }),
        response: { 200: z.object({ creatives: z.array(creativeSchema) }), 400: errorResponseSchema },
      },
    },
    async (request) => ({ creatives: app.creatives.list(request.query.channel).map(toCreativeDto) }),
  );

  app.get(
    '/v1/creatives/:id',
    {
      schema: {
        tags,
        summary: 'Read a creative and the journeys using it; the ETag names its revision for a conditional PUT',
        params: creativeParams,
        response: { 200: creativeDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const row = app.creatives.get(id);
      return reply.header('etag', creativeTag(row)).send({ ...toCreativeDto(row), usedBy: app.creatives.usages(id) });
    },
  );

  app.put(
    '/v1/creatives/:id',
    {
      schema: {
        tags,
        summary: 'Create or replace a creative; with If-Match (the ETag last read) a creative changed since is a 412',
        description:
          'Journeys using the creative send the new text from their next publish on: a live version keeps the text ' +
          'it was published with. The channel cannot change while journeys use the creative (409).',
        params: creativeParams,
        headers: z.object({ 'if-match': z.string().optional() }),
        body: creativeInputSchema,
        response: { 200: creativeSchema, 201: creativeSchema, 412: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { row, created } = app.creatives.save(request.params.id, request.body, {
        ifMatch: request.headers['if-match'],
        at: app.clock.now(),
        actor: principalOf(request),
      });
      return reply
        .code(created ? 201 : 200)
        .header('etag', creativeTag(row))
        .send(toCreativeDto(row));
    },
  );

  app.delete(
    '/v1/creatives/:id',
    {
      schema: {
        tags,
        summary: "Delete a creative no journey's draft or live version uses (409 names those that do)",
        params: creativeParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      app.creatives.delete(request.params.id, app.clock.now(), principalOf(request));
      return reply.code(204).send(null);
    },
  );
};

export default creativeRoutes;
