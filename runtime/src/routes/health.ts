import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness probe',
        response: { 200: z.object({ status: z.literal('ok'), time: z.iso.datetime() }) },
      },
    },
    async () => ({ status: 'ok' as const, time: new Date(app.clock.now()).toISOString() }),
  );
};

export default healthRoutes;
