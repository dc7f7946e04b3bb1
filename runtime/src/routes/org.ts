import { Readable } from 'node:stream';
import { orgMetricsSchema, orgUnitSchema, staffRoles, staffSchema } from '@journey/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BadRequestError, errorResponseSchema, NotFoundError, UnsupportedMediaTypeError } from '../http-errors';
import { importCsv } from '../org/import';
import {
  orgIdSchema,
  orgUnitCsvRowSchema,
  orgUnitInputSchema,
  staffCsvRowSchema,
  staffInputSchema,
  toOrgUnitDto,
  toStaffDto,
} from '../org/schema';
import type { SaveResult } from '../org/store';

const idParams = z.object({ id: orgIdSchema });
const errors = { 400: errorResponseSchema, 404: errorResponseSchema };
const importResultSchema = z.object({
  imported: z.int().describe('new rows'),
  updated: z.int().describe('rows that replaced an existing one'),
  rejected: z.array(z.object({ row: z.int(), message: z.string() })),
});

/** Whether the save created the row; refused input is a 400 naming the body fields. */
function created(result: SaveResult): boolean {
  if (result.ok) return result.created;
  const issues = result.problems.map(({ path, message }) => ({ path: `body.${path}`, message }));
  throw new BadRequestError(`${issues[0]?.path}: ${issues[0]?.message}`, issues);
}

/** The organisation: head office → branches → sub-branches, their staff, and journey results by unit or RM. */
const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['organisation'];

  app.put(
    '/v1/org-units/:id',
    {
      schema: {
        tags,
        summary: 'Create or replace an org unit (a branch belongs to the head office, a sub-branch to a branch)',
        params: idParams,
        body: orgUnitInputSchema,
        response: { 200: orgUnitSchema, 201: orgUnitSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const isNew = created(app.org.saveUnit(id, request.body, app.clock.now()));
      return reply.code(isNew ? 201 : 200).send(toOrgUnitDto(app.org.unit(id)!));
    },
  );

  app.get(
    '/v1/org-units',
    {
      schema: { tags, summary: 'Every org unit', response: { 200: z.object({ units: z.array(orgUnitSchema) }) } },
    },
    async () => ({ units: app.org.units().map(toOrgUnitDto) }),
  );

  app.get(
    '/v1/org-units/:id',
    { schema: { tags, summary: 'Read an org unit', params: idParams, response: { 200: orgUnitSchema, ...errors } } },
    async (request) => {
      const unit = app.org.unit(request.params.id);
      if (!unit) throw new NotFoundError(`Org unit ${request.params.id} not found`);
      return toOrgUnitDto(unit);
    },
  );

  app.put(
    '/v1/staff/:id',
    {
      schema: {
        tags,
        summary: 'Create or replace a staff member (deactivate with active: false)',
        params: idParams,
        body: staffInputSchema,
        response: { 200: staffSchema, 201: staffSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const isNew = created(app.org.saveMember(id, request.body, app.clock.now()));
      return reply.code(isNew ? 201 : 200).send(toStaffDto(app.org.member(id)!));
    },
  );

  app.get(
    '/v1/staff',
    {
      schema: {
        tags,
        summary: 'Staff, by id',
        querystring: z.object({
          orgUnitId: orgIdSchema.optional(),
          role: z.enum(staffRoles).optional(),
          active: z.stringbool().optional(),
        }),
        response: { 200: z.object({ staff: z.array(staffSchema) }), 400: errorResponseSchema },
      },
    },
    async (request) => ({ staff: app.org.members(request.query).map(toStaffDto) }),
  );

  app.get(
    '/v1/staff/:id',
    { schema: { tags, summary: 'Read a staff member', params: idParams, response: { 200: staffSchema, ...errors } } },
    async (request) => {
      const member = app.org.member(request.params.id);
      if (!member) throw new NotFoundError(`Staff member ${request.params.id} not found`);
      return toStaffDto(member);
    },
  );

  app.get(
    '/v1/journeys/:id/metrics/org',
    {
      schema: {
        tags,
        summary: 'Journey results by org unit (rolled up the hierarchy) or by staff member',
        description:
          'Customers count for their `branch` (or `rm`) attribute as it is now, tasks for the unit they were issued ' +
          'in (or their assignee), and a conversion for the staff member whose referral code the customer last ' +
          'brought within the referral window before it (and for their unit).',
        params: z.object({ id: z.string().min(1).max(64) }),
        querystring: z.object({
          groupBy: z.enum(['branch', 'rm']),
          version: z.coerce.number().int().positive().optional().describe('one version; all versions when absent'),
        }),
        response: { 200: orgMetricsSchema, ...errors },
      },
    },
    async (request) => {
      const journeyId = app.journeys.get(request.params.id).id;
      const { groupBy, version = null } = request.query;
      return { journeyId, version, groupBy, ...app.orgMetrics.report(journeyId, version, groupBy) };
    },
  );

  // The imports read CSV straight from the request stream, so this context takes only text/csv bodies.
  await app.register(async (csv) => {
    csv.removeAllContentTypeParsers();
    csv.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
    const imports = [
      {
        url: '/v1/org-units/import',
        summary: 'Import org units from CSV (id,name,kind,parentId), parents before their children',
        run: (body: Readable) =>
          importCsv(
            body,
            orgUnitCsvRowSchema,
            ({ id, ...unit }) => app.org.saveUnit(id, unit, app.clock.now()),
            app.db,
          ),
      },
      {
        url: '/v1/staff/import',
        summary: 'Import staff from CSV (id,name,role,orgUnitId,referralCode,active)',
        run: (body: Readable) =>
          importCsv(
            body,
            staffCsvRowSchema,
            ({ id, ...member }) => app.org.saveMember(id, member, app.clock.now()),
            app.db,
          ),
      },
    ];
    for (const { url, summary, run } of imports) {
      csv.post(
        url,
        { schema: { tags, summary, consumes: ['text/csv'], response: { 200: importResultSchema } } },
        async (request) => {
          // Fastify runs no parser for an empty body without a content type, so there may be no stream to read.
          if (!(request.body instanceof Readable)) throw new UnsupportedMediaTypeError('Send the file as text/csv');
          return run(request.body);
        },
      );
    }
  });
};

export default orgRoutes;
