import {
  approximateMs,
  experimentsReportSchema,
  globalTimeSeriesSchema,
  journeyMetricsSchema,
  parseDuration,
  timeSeriesSchema,
} from '@journey/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BadRequestError, errorResponseSchema } from '../http-errors';
import { MetricsReports, type SeriesRange } from '../metrics/reports';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Enough for a week by the minute; longer ranges take a coarser step. */
const MAX_POINTS = 10_080;

const params = z.object({ id: z.string().min(1).max(64) });
const versionQuery = z.object({
  version: z.coerce.number().int().positive().optional().describe('one version; all versions summed when absent'),
});
const errors = { 400: errorResponseSchema, 404: errorResponseSchema };

const timeSeriesQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).optional().describe('start (inclusive); default: one hour before `to`'),
    to: z.iso.datetime({ offset: true }).optional().describe('end (exclusive); default: now'),
    step: z.string().default('PT1M').describe('bucket length, whole minutes: PT1M, PT15M, PT1H, P1D'),
  })
  .describe('buckets start at `from`, every `step`');

/** Parses a bucket length: a fixed whole number of minutes (months and years vary, so they are refused). */
function stepMsOf(step: string): number {
  const parsed = parseDuration(step);
  if (parsed.ok && parsed.duration.years === 0 && parsed.duration.months === 0) {
    const ms = approximateMs(parsed.duration);
    if (ms % MINUTE_MS === 0) return ms;
  }
  throw new BadRequestError('Bad step', [
    { path: 'querystring.step', message: `"${step}" is not a whole number of minutes, e.g. PT1M, PT1H or P1D` },
  ]);
}

/** The buckets a time-series query asks for; 400 for an empty range, a bad step or too many points. */
function seriesRange(query: z.infer<typeof timeSeriesQuery>, now: number): SeriesRange {
  const stepMs = stepMsOf(query.step);
  // Default: up to the end of the current minute, so what just happened is in the last point.
  const to = query.to ? Date.parse(query.to) : (Math.floor(now / MINUTE_MS) + 1) * MINUTE_MS;
  const from = query.from ? Date.parse(query.from) : to - HOUR_MS;
  if (from >= to)
    throw new BadRequestError('Empty range', [{ path: 'querystring.from', message: 'must be before `to`' }]);
  if ((to - from) / stepMs > MAX_POINTS) {
    throw new BadRequestError('Too many points', [
      { path: 'querystring.step', message: `the range holds more than ${MAX_POINTS} steps; take a longer step` },
    ]);
  }
  return { from, to, stepMs, step: query.step };
}

/** Funnel metrics, their time series (of a journey, or of all of them) and A/B experiment statistics of a journey. */
const metricRoutes: FastifyPluginAsyncZod = async (app) => {
  const reports = new MetricsReports(app.metrics, app.journeys);
  const tags = ['metrics'];

  app.get(
    '/v1/journeys/:id/metrics',
    {
      schema: {
        tags,
        summary: 'Funnel counters per node, edge, goal, split variant, channel and benefit pool',
        params,
        querystring: versionQuery,
        response: { 200: journeyMetricsSchema, ...errors },
      },
    },
    async (request) => reports.journeyMetrics(request.params.id, request.query.version ?? null),
  );

  app.get(
    '/v1/journeys/:id/metrics/timeseries',
    {
      schema: {
        tags,
        summary: 'Entered, converted, messages sent and per-node entries per time step (kept 30 days by the minute)',
        params,
        querystring: timeSeriesQuery,
        response: { 200: timeSeriesSchema, ...errors },
      },
    },
    async (request) => reports.timeSeries(request.params.id, seriesRange(request.query, app.clock.now())),
  );

  app.get(
    '/v1/metrics/timeseries',
    {
      schema: {
        tags,
        summary:
          'Entered, converted and messages sent per time step, every journey summed, archived ones included (kept 30 days by the minute)',
        querystring: timeSeriesQuery,
        response: { 200: globalTimeSeriesSchema, 400: errorResponseSchema },
      },
    },
    async (request) => reports.globalTimeSeries(seriesRange(request.query, app.clock.now())),
  );

  app.get(
    '/v1/journeys/:id/experiments',
    {
      schema: {
        tags,
        summary:
          'Per split node: conversion per variant, lift against the control, 95% CI, z-test and always-valid p-values',
        params,
        querystring: versionQuery,
        response: { 200: experimentsReportSchema, ...errors },
      },
    },
    async (request) => reports.experiments(request.params.id, request.query.version ?? null),
  );
};

export default metricRoutes;
