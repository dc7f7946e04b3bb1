import { benefitPoolChangesSchema, benefitPoolInputSchema, benefitPoolSchema } from '@journey/shared';
import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { benefitPools } from '../db/schema';
import { ConflictError, errorResponseSchema, NotFoundError } from '../http-errors';
import { principalOf } from '../plugins/auth';

const toPoolDto = (row: typeof benefitPools.$inferSelect) => ({
  id: row.id,
  name: row.name,
  budget: row.budget,
  granted: row.granted,
  remaining: row.budget - row.granted,
  perCustomerLimit: row.perCustomerLimit,
  perCustomerPeriod: row.perCustomerPeriod,
});

/** Benefit (权益) pools: coupons, points, cash-back with a budget and per-customer limits. */
const benefitRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['benefits'];

  app.post(
    '/v1/benefit-pools',
    {
      schema: {
        tags,
        summary: 'Create a benefit pool',
        body: benefitPoolInputSchema,
        response: { 201: benefitPoolSchema, 400: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const at = app.clock.now();
      const row = { ...request.body, granted: 0, createdAt: at };
      app.db.transaction(() => {
        if (app.db.select().from(benefitPools).where(eq(benefitPools.id, row.id)).get()) {
          throw new ConflictError(`Benefit pool ${row.id} already exists`);
        }
        app.db.insert(benefitPools).values(row).run();
        app.audit.record(principalOf(request), 'benefitPool.created', at, {
          detail: { poolId: row.id, budget: row.budget },
        });
      });
      return reply.code(201).send(toPoolDto(row));
    },
  );

  app.get(
    '/v1/benefit-pools',
    {
      schema: {
        tags,
        summary: 'Benefit pools with what is left',
        response: { 200: z.object({ pools: z.array(benefitPoolSchema) }) },
      },
    },
    async () => ({ pools: app.db.select().from(benefitPools).orderBy(asc(benefitPools.id)).all().map(toPoolDto) }),
  );

  app.put(
    '/v1/benefit-pools/:id',
    {
      schema: {
        tags,
        summary: "Change a benefit pool's name, budget and per-customer limit",
        description:
          'Grants already made stay granted, so the budget cannot go below them (409 says how many units that is). ' +
          'A customer limit applies from the next grant on.',
        params: z.object({ id: z.string().min(1).max(64) }),
        body: benefitPoolChangesSchema,
        response: {
          200: benefitPoolSchema,
          400: errorResponseSchema,
          404: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const at = app.clock.now();
      // One transaction with the check, so no grant can slip between reading `granted` and lowering the budget.
      return app.db.transaction(() => {
        const row = app.db.select().from(benefitPools).where(eq(benefitPools.id, id)).get();
        if (!row) throw new NotFoundError(`No benefit pool ${id}`);
        if (request.body.budget < row.granted) {
          throw new ConflictError(
            `Benefit pool ${id} has already granted ${row.granted} units; its budget cannot go below ${row.granted}`,
          );
        }
        app.db.update(benefitPools).set(request.body).where(eq(benefitPools.id, id)).run();
        app.audit.record(principalOf(request), 'benefitPool.updated', at, {
          detail: { poolId: id, budget: { from: row.budget, to: request.body.budget } },
        });
        return toPoolDto({ ...row, ...request.body });
      });
    },
  );
};

export default benefitRoutes;
