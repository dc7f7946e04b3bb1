import { type Condition, checkCondition } from '@journey/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerIdSchema, customerSchema, toCustomerDto } from '../customers/schema';
import { BadRequestError, ConflictError, errorResponseSchema, NotFoundError } from '../http-errors';
import { countMatching, pageMatching } from '../segments/audience';
import { newSegmentSchema, segmentPreviewSchema, segmentSchema, toSegmentDto } from '../segments/schema';
import type { Segment } from '../segments/store';

const segmentParams = z.object({ id: z.string().min(1).max(128) });

/** Refuses a condition a segment cannot hold (event properties, unknown operators), naming each field. */
function checkSegmentCondition(condition: Condition): void {
  const issues = checkCondition(condition, { allowEventProperties: false }).map((issue) => ({
    path: ['body', 'condition', issue.path].filter(Boolean).join('.'),
    message: issue.message,
  }));
  if (issues.length > 0) throw new BadRequestError(`The condition has ${issues.length} problem(s)`, issues);
}

const segmentRoutes: FastifyPluginAsyncZod = async (app) => {
  function findSegment(id: string): Segment {
    const segment = app.segments.find(id);
    if (!segment) throw new NotFoundError(`Segment ${id} not found`);
    return segment;
  }

  app.post(
    '/v1/segments',
    {
      schema: {
        tags: ['segments'],
        summary: 'Create a segment',
        body: newSegmentSchema,
        response: { 201: segmentSchema, 400: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const { id, name, condition } = request.body;
      if (id !== undefined && app.segments.find(id)) throw new ConflictError(`Segment ${id} already exists`);
      checkSegmentCondition(condition);
      return reply.code(201).send(toSegmentDto(app.segments.create(name, condition, app.clock.now(), id)));
    },
  );

  app.post(
    '/v1/segments/preview',
    {
      schema: {
        tags: ['segments'],
        summary: 'Count the customers a segment condition would select now, before saving it',
        body: segmentPreviewSchema,
        response: { 200: z.object({ count: z.int() }), 400: errorResponseSchema },
      },
    },
    async (request) => {
      const { condition } = request.body;
      checkSegmentCondition(condition);
      return { count: countMatching(app.customers, condition) };
    },
  );

  app.get(
    '/v1/segments',
    {
      schema: {
        tags: ['segments'],
        summary: 'List segments, oldest first',
        response: { 200: z.object({ segments: z.array(segmentSchema) }) },
      },
    },
    async () => ({ segments: app.segments.list().map(toSegmentDto) }),
  );

  app.get(
    '/v1/segments/:id',
    {
      schema: {
        tags: ['segments'],
        summary: 'Read a segment',
        params: segmentParams,
        response: { 200: segmentSchema, 404: errorResponseSchema },
      },
    },
    async (request) => toSegmentDto(findSegment(request.params.id)),
  );

  app.get(
    '/v1/segments/:id/count',
    {
      schema: {
        tags: ['segments'],
        summary: 'Count the customers in a segment now',
        params: segmentParams,
        response: { 200: z.object({ count: z.int() }), 404: errorResponseSchema },
      },
    },
    async (request) => ({ count: countMatching(app.customers, findSegment(request.params.id).condition) }),
  );

  app.get(
    '/v1/segments/:id/customers',
    {
      schema: {
        tags: ['segments'],
        summary: 'Page through the customers in a segment, in id order',
        params: segmentParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          cursor: customerIdSchema.optional().describe('nextCursor of the previous page'),
        }),
        response: {
          200: z.object({ customers: z.array(customerSchema), nextCursor: z.string().nullable() }),
          404: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const page = pageMatching(app.customers, findSegment(request.params.id).condition, limit, cursor);
      return { customers: page.customers.map(toCustomerDto), nextCursor: page.nextCursor };
    },
  );
};

export default segmentRoutes;
