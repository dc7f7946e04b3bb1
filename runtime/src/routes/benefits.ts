import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { benefitPools } from '../db/schema';
import { ConflictError, errorResponseSchema } from '../http-errors';

const poolSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, "_" and "-" only'),
    name: z.string().min(1).max(200),
    budget: z.int().min(0).describe('units the pool may grant in total'),
    perCustomerLimit: z.int().min(1).nullable().default(null),
    perCustomerPeriod: z.enum(['day', 'week', 'month', 'ever']).nullable().default(null),
  })
  .refine((pool) => (pool.perCustomerLimit === null) === (pool.perCustomerPeriod === null), {
    message: 'perCustomerLimit and perCustomerPeriod go together',
    path: ['perCustomerPeriod'],
  });

const poolDto = z.object({
  id: z.string(),
  name: z.string(),
  budget: z.int(),
  granted: z.int(),
  remaining: z.int(),
  perCustomerLimit: z.int().nullable(),
  perCustomerPeriod: z.string().nullable(),
});

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
  app.post(
    '/v1/benefit-pools',
    {
      schema: {
        tags: ['benefits'],
        summary: 'Create a benefit pool',
        body: poolSchema,
        response: { 201: poolDto, 400: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request, reply) => {
      if (app.db.select().from(benefitPools).where(eq(benefitPools.id, request.body.id)).get()) {
        throw new ConflictError(`Benefit pool ${request.body.id} already exists`);
      }
      const row = { ...request.body, granted: 0, createdAt: app.clock.now() };
      app.db.insert(benefitPools).values(row).run();
      return reply.code(201).send(toPoolDto(row));
    },
  );

  app.get(
    '/v1/benefit-pools',
    {
      schema: {
        tags: ['benefits'],
        summary: 'Benefit pools with what is left',
        response: { 200: z.object({ pools: z.array(poolDto) }) },
      },
    },
    async () => ({ pools: app.db.select().from(benefitPools).orderBy(asc(benefitPools.id)).all().map(toPoolDto) }),
  );
};

export default benefitRoutes;
