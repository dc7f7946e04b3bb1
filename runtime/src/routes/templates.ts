import {
  journeyDocumentSchema,
  type TemplateDetail,
  type TemplateSummary,
  templateDefaults,
  templateDetailSchema,
  templateInputSchema,
  templateJourneyInputSchema,
  templateSummarySchema,
} from '@journey/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type TemplateRow, TemplateService, toJourneyTemplate } from '../engine/templates';
import { errorResponseSchema } from '../http-errors';
import { principalOf } from '../plugins/auth';
import { journeySchema, toJourneyDto } from './journeys';

const templateParams = z.object({ id: journeyDocumentSchema.shape.id });
const errors = { 400: errorResponseSchema, 404: errorResponseSchema };
const iso = (ms: number) => new Date(ms).toISOString();

function toSummary(row: TemplateRow): TemplateSummary {
  const template = toJourneyTemplate(row);
  const defaults = templateDefaults(template);
  const { document, parameters, ...fields } = template;
  return {
    ...fields,
    parameters: parameters.map((parameter) => ({ ...parameter, default: defaults[parameter.key]! })),
    nodeCount: document.nodes.length,
    updatedAt: iso(row.updatedAt),
  };
}

const toDetail = (row: TemplateRow): TemplateDetail => ({ ...toJourneyTemplate(row), updatedAt: iso(row.updatedAt) });

/** The template gallery: example journeys, and new draft journeys made from them. */
const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['templates'];
  const templates = new TemplateService(app.db, app.journeys, app.audit);

  app.get(
    '/v1/templates',
    {
      schema: {
        tags,
        summary: 'List templates by category, then name, with each parameter and its example value',
        response: { 200: z.object({ templates: z.array(templateSummarySchema) }) },
      },
    },
    async () => ({ templates: templates.list().map(toSummary) }),
  );

  app.get(
    '/v1/templates/:id',
    {
      schema: {
        tags,
        summary: 'Read a template and its example document',
        params: templateParams,
        response: { 200: templateDetailSchema, ...errors },
      },
    },
    async (request) => toDetail(templates.get(request.params.id)),
  );

  app.put(
    '/v1/templates/:id',
    {
      schema: {
        tags,
        summary: 'Create or replace a template; every parameter target must name a value of its kind in the document',
        params: templateParams,
        body: templateInputSchema,
        response: { 200: templateDetailSchema, 201: templateDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { row, created } = templates.save(request.params.id, request.body, app.clock.now(), principalOf(request));
      return reply.code(created ? 201 : 200).send(toDetail(row));
    },
  );

  app.delete(
    '/v1/templates/:id',
    {
      schema: {
        tags,
        summary: 'Delete a template (journeys made from it are not affected)',
        params: templateParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      templates.delete(request.params.id, app.clock.now(), principalOf(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/templates/:id/journeys',
    {
      schema: {
        tags,
        summary: 'Create a draft journey from the template, with the given parameter values (as POST /v1/journeys)',
        params: templateParams,
        body: templateJourneyInputSchema,
        response: { 201: journeySchema, 409: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const journey = templates.createJourney(request.params.id, request.body, app.clock.now(), principalOf(request));
      return reply.code(201).send(toJourneyDto(journey));
    },
  );
};

export default templateRoutes;
