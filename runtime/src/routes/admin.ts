import { addDuration, parseDuration } from '@journey/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ManualClock } from '../clock';
import { BadRequestError, ConflictError, errorResponseSchema } from '../http-errors';

const clockBody = z
  .object({
    advance: z.string().optional().describe('ISO-8601 duration, e.g. PT1H or P2D'),
    to: z.iso.datetime({ offset: true }).optional().describe('An instant to move to (never backwards)'),
  })
  .refine((body) => (body.advance === undefined) !== (body.to === undefined), {
    message: 'give exactly one of "advance" or "to"',
  });

/** Test and demo controls; the clock route exists only with JOURNEY_CLOCK=manual. */
const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/admin/clock',
    {
      schema: {
        tags: ['admin'],
        summary: 'Move the manual clock forward and fire every timer and message due by then',
        body: clockBody,
        response: { 200: z.object({ now: z.string() }), 400: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request) => {
      const clock = app.clock;
      if (!(clock instanceof ManualClock))
        throw new ConflictError('The clock is the system clock; start with JOURNEY_CLOCK=manual');
      const { advance, to } = request.body;
      let target: number;
      if (advance !== undefined) {
        const parsed = parseDuration(advance);
        if (!parsed.ok) throw new BadRequestError('Bad duration', [{ path: 'body.advance', message: parsed.message }]);
        target = addDuration(clock.now(), parsed.duration, 'UTC');
      } else {
        target = Date.parse(to as string);
        if (target < clock.now())
          throw new BadRequestError('The clock never goes back', [
            { path: 'body.to', message: 'must not be before now' },
          ]);
      }
      // Each timer fires at its own due time (the executor uses it as the event time), so jumping straight to the target is exact.
      clock.set(target);
      await app.runDueWork();
      return { now: new Date(clock.now()).toISOString() };
    },
  );
};

export default adminRoutes;
