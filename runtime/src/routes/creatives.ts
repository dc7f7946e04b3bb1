import {
  channels,
  creativeApproveSchema,
  creativeDetailSchema,
  creativeIdSchema,
  creativeInputSchema,
  creativeListSchema,
  creativeSchema,
} from '@journey/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { creativeTag, toCreativeDto } from '../engine/creatives';
import { errorResponseSchema } from '../http-errors';
import { principalOf } from '../plugins/auth';

const creativeParams = z.object({ id: creativeIdSchema });

const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** The creatives library: reusable message texts that message nodes choose by id. */
const creativeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['creatives'];

  app.get(
    '/v1/creatives',
    {
      schema: {
        tags,
        summary: 'List creatives by name, optionally of one channel, and whether publishing sends only approved text',
        querystring: z.object({ channel: z.enum(channels).optional() }),
        response: { 200: creativeListSchema, 400: errorResponseSchema },
      },
    },
    async (request) => ({
      creatives: app.creatives.list(request.query.channel).map(toCreativeDto),
      approvalRequired: app.creatives.approvalRequired(),
    }),
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

  app.post(
    '/v1/creatives/:id/approve',
    {
      schema: {
        tags,
        summary: "Approve the creative's current title and body for sending (compliance review)",
        description:
          'The revision must be the one you read (409 when it changed since). Approving keeps a copy of the text; ' +
          'later edits leave it in place until approved again. With maker-checker on, the person who last changed ' +
          'the creative cannot approve it (409). With creative approval on, publishing sends the approved text.',
        params: creativeParams,
        body: creativeApproveSchema,
        response: { 200: creativeSchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = app.creatives.approve(
        request.params.id,
        request.body.revision,
        app.clock.now(),
        principalOf(request),
      );
      return reply.header('etag', creativeTag(row)).send(toCreativeDto(row));
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
