import { campaignReportSchema, roiReportSchema, unitCostsSchema } from '@journey/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '../http-errors';
import { MetricsReports } from '../metrics/reports';
import { principalOf } from '../plugins/auth';
import { CampaignEvaluation, campaignReportCsv } from '../roi/evaluation';

const journeyParams = z.object({ id: z.string().min(1).max(64) });
const version = z.coerce.number().int().positive().optional().describe('one version; all versions when absent');

/** Unit costs, what a journey cost against what it earned, and the post-campaign evaluation. */
const roiRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['cost and ROI'];
  const evaluation = new CampaignEvaluation(
    app.sqlite,
    {
      journeys: app.journeys,
      metrics: new MetricsReports(app.metrics, app.journeys),
      orgMetrics: app.orgMetrics,
      roi: app.roi,
    },
    app.clock,
  );

  app.get(
    '/v1/costs',
    { schema: { tags, summary: 'Unit costs per channel and benefit pool', response: { 200: unitCostsSchema } } },
    async () => app.roi.costs(),
  );

  app.put(
    '/v1/costs',
    {
      schema: {
        tags,
        summary: 'Replace the unit costs (anything left out costs nothing)',
        body: unitCostsSchema,
        response: { 200: unitCostsSchema, 400: errorResponseSchema },
      },
    },
    async (request) => {
      app.db.transaction(() => {
        app.roi.setCosts(request.body);
        app.audit.record(principalOf(request), 'costs.changed', app.clock.now(), { detail: request.body });
      });
      return app.roi.costs();
    },
  );

  app.get(
    '/v1/journeys/:id/roi',
    {
      schema: {
        tags,
        summary: 'Cost, conversions, cost per conversion, revenue and ROI, per version and per split variant',
        description:
          'Cost counts messages sent and benefit units granted at the unit costs in force now; revenue is the ' +
          '`amount` of each goal event. Figures follow the version each instance is on.',
        params: journeyParams,
        querystring: z.object({ version }),
        response: { 200: roiReportSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      const journeyId = app.journeys.get(request.params.id).id;
      const version = request.query.version ?? null;
      return { journeyId, version, ...app.roi.report(journeyId, version) };
    },
  );

  app.get(
    '/v1/journeys/:id/report',
    {
      schema: {
        tags,
        summary: 'Post-campaign evaluation: goal, reach, funnel, channels, branches, cost and ROI, experiment verdicts',
        description: 'JSON, or with `format=csv` one row per figure (section, item, metric, value) for a spreadsheet.',
        params: journeyParams,
        querystring: z.object({ version, format: z.enum(['json', 'csv']).default('json') }),
        produces: ['application/json', 'text/csv'],
        response: {
          200: z.union([campaignReportSchema, z.string().describe('the CSV, with format=csv')]),
          400: errorResponseSchema,
          404: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const report = evaluation.report(request.params.id, request.query.version ?? null);
      if (request.query.format === 'json') return report;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${report.journeyId}-report.csv"`)
        .send(campaignReportCsv(report));
    },
  );
};

export default roiRoutes;
