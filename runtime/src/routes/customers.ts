import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerIdSchema, customerPatchSchema, customerSchema, tagSchema, toCustomerDto } from '../customers/schema';
import type { Customer } from '../customers/store';
import { errorResponseSchema, NotFoundError } from '../http-errors';

const customerParams = z.object({ id: customerIdSchema });

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
        response: { 200: customerSchema, 201: customerSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { created, customer } = app.db.transaction(() => ({
        created: app.customers.upsert(id, request.body, app.clock.now()),
        // The row exists after the upsert; found() only narrows the type.
        customer: found(id, app.customers.find(id)),
      }));
      return reply.code(created ? 201 : 200).send(toCustomerDto(customer));
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
        response: { 200: customerSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      return toCustomerDto(found(id, app.customers.addTags(id, request.body.tags, app.clock.now())));
    },
  );

  app.delete(
    '/v1/customers/:id/tags/:tag',
    {
      schema: {
        tags: ['customers'],
        summary: 'Remove a tag from a customer (removing an absent tag is not an error)',
        params: customerParams.extend({ tag: tagSchema }),
        response: { 200: customerSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      const { id, tag } = request.params;
      return toCustomerDto(found(id, app.customers.removeTag(id, tag, app.clock.now())));
    },
  );
};

export default customerRoutes;
