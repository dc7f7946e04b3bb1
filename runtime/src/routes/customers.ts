import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerIdSchema, customerPatchSchema, customerSchema, tagSchema, toCustomerDto } from '../customers/schema';
import type { Customer } from '../customers/store';
import { errorResponseSchema, NotFoundError } from '../http-errors';

const customerParams = z.object({ id: customerIdSchema });

/**
 * What a write answers. Writes are open to ingest keys, which may not read profiles, so a write never
 * echoes the stored profile back (an empty PUT would otherwise read any customer); read it with GET.
 */
const writeReceiptSchema = z.object({ id: z.string(), created: z.boolean() }).meta({ id: 'CustomerWriteReceipt' });

function found(id: string, customer: Customer | undefined): Customer {
  if (!customer) throw new NotFoundError(`Customer ${id} not found`);
  return customer;
}

const customerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/v1/customers/:id',
    {
      schema: {
        tags: ['customers'],
        summary: 'Create a customer or merge into its profile',
        params: customerParams,
        body: customerPatchSchema,
        response: { 200: writeReceiptSchema, 201: writeReceiptSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const created = app.db.transaction(() => app.customers.upsert(id, request.body, app.clock.now()));
      return reply.code(created ? 201 : 200).send({ id, created });
    },
  );

  app.get(
    '/v1/customers/:id',
    {
      schema: {
        tags: ['customers'],
        summary: 'Read a customer',
        params: customerParams,
        response: { 200: customerSchema, 404: errorResponseSchema },
      },
    },
    async (request) => toCustomerDto(found(request.params.id, app.customers.find(request.params.id))),
  );

  app.post(
    '/v1/customers/:id/tags',
    {
      schema: {
        tags: ['customers'],
        summary: 'Add tags to a customer',
        params: customerParams,
        body: z.strictObject({ tags: z.array(tagSchema).min(1).max(1000) }),
        response: { 204: z.null(), 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      found(id, app.customers.addTags(id, request.body.tags, app.clock.now()));
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/v1/customers/:id/tags/:tag',
    {
      schema: {
        tags: ['customers'],
        summary: 'Remove a tag from a customer (removing an absent tag is not an error)',
        params: customerParams.extend({ tag: tagSchema }),
        response: { 204: z.null(), 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const { id, tag } = request.params;
      found(id, app.customers.removeTag(id, tag, app.clock.now()));
      return reply.code(204).send(null);
    },
  );
};

export default customerRoutes;
