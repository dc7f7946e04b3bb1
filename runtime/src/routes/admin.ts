import { addDuration, type Duration, parseDuration } from '@journey/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LATEST_INSTANT, ManualClock } from '../clock';
import { BadRequestError, ConflictError, errorResponseSchema } from '../http-errors';

const clockBody = z
  .object({
    advance: z.string().optional().describe('ISO-8601 duration, e.g. PT1H or P2D'),
    to: z.iso.datetime({ offset: true }).optional().describe('An instant to move to (never backwards)'),
  })
  .refine((body) => (body.advance === undefined) !== (body.to === undefined), {
    message: 'give exactly one of "advance" or "to"',
  });

/** Temporal refuses (RangeError) to go beyond its own range, far past LATEST_INSTANT: that is simply too far. */
function addDurationOrInfinity(fromMs: number, duration: Duration): number {
  try {
    return addDuration(fromMs, duration, 'UTC');
  } catch (error) {
    if (error instanceof RangeError) return Number.POSITIVE_INFINITY;
    throw error;
  }
}

/** How many distinct due times one clock move visits before jumping to its target. */
const MAX_CLOCK_STOPS = 500;

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
        target = addDurationOrInfinity(clock.now(), parsed.duration);
      } else {
        target = Date.parse(to as string);
        if (target < clock.now())
          throw new BadRequestError('The clock never goes back', [
            { path: 'body.to', message: 'must not be before now' },
          ]);
      }
      if (target > LATEST_INSTANT) {
        throw new BadRequestError('The clock cannot pass the year 9999', [
          { path: advance !== undefined ? 'body.advance' : 'body.to', message: 'moves the clock past 9999-12-31' },
        ]);
      }
      // Walk through pending work in time order, so each timer, message and scheduled entry happens at its own
      // time (a message sent at 10:00 is not held for quiet hours because the jump ends at 22:00). Journeys that
      // loop on short waits could make that walk very long: past MAX_CLOCK_STOPS the rest is done in one jump
      // (timers still fire at their own times; only later dispatch decisions are taken at the target).
      let stops = 0;
      for (let next = app.nextWorkAt(); next !== null && next <= target && stops < MAX_CLOCK_STOPS; stops++) {
        if (next > clock.now()) clock.set(next);
        await app.runDueWork();
        const after = app.nextWorkAt();
        if (after !== null && after <= clock.now()) break; // due work that cannot run now (e.g. a failing send) waits
        next = after;
      }
      clock.set(target);
      await app.runDueWork();
      return { now: new Date(clock.now()).toISOString() };
    },
  );
};

export default adminRoutes;
