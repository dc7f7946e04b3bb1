import { createHash } from 'node:crypto';
import { canonicalJson } from '@journey/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { approvalSchema, toApprovalDto } from '../auth/schema';
import type { JourneyRow, VersionRow } from '../engine/journeys';
import { errorResponseSchema, NotFoundError, PreconditionFailedError } from '../http-errors';
import { principalOf } from '../plugins/auth';

const journeyParams = z.object({ id: z.string().min(1).max(64) });
const documentBody = z.record(z.string(), z.unknown()).describe('A journey document (schemaVersion 1), see DESIGN.md');
const iso = (ms: number) => new Date(ms).toISOString();

export const journeySchema = z
  .object({
    id: z.string(),
    revision: z.string().describe('names the draft content; send it as If-Match to save only over it'),
    name: z.string(),
    status: z.enum(['draft', 'live', 'paused', 'archived']),
    liveVersion: z.int().nullable(),
    draft: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Journey' });

export const versionSchema = z
  .object({
    journeyId: z.string(),
    version: z.int(),
    publishedAt: z.string(),
    publishedBy: z.string().nullable(),
    document: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'JourneyVersion' });

const problemSchema = z.object({
  code: z.string(),
  message: z.string(),
  path: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  severity: z.enum(['error', 'warning']),
});

/** Names the draft's content: equal drafts share a revision, any change makes a new one. */
const draftRevision = (row: JourneyRow) =>
  createHash('sha256').update(canonicalJson(row.draft)).digest('base64url').slice(0, 22);
/** The draft's revision as an HTTP entity tag, for conditional writes. */
const draftTag = (row: JourneyRow) => `"${draftRevision(row)}"`;

export const toJourneyDto = (row: JourneyRow) => ({
  id: row.id,
  revision: draftRevision(row),
  name: row.name,
  status: row.status,
  liveVersion: row.liveVersion,
  draft: row.draft,
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
});

export const toVersionDto = (row: VersionRow) => ({
  journeyId: row.journeyId,
  version: row.version,
  publishedAt: iso(row.publishedAt),
  publishedBy: row.publishedBy,
  document: row.document,
});

const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

const journeyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['journeys'];

  app.get(
    '/v1/journeys',
    {
      schema: {
        tags,
        summary: 'List journeys, most recently changed first',
        response: { 200: z.object({ journeys: z.array(journeySchema) }) },
      },
    },
    async () => ({ journeys: app.journeys.list().map(toJourneyDto) }),
  );

  app.post(
    '/v1/journeys',
    {
      schema: {
        tags,
        summary: 'Create a draft journey from a document',
        body: documentBody,
        response: { 201: journeySchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(toJourneyDto(app.journeys.create(request.body, app.clock.now(), principalOf(request)))),
  );

  app.get(
    '/v1/journeys/:id',
    {
      schema: {
        tags,
        summary: 'Read a journey and its draft; the ETag names this revision of the draft for a conditional PUT',
        params: journeyParams,
        response: { 200: journeySchema, ...errors },
      },
    },
    async (request, reply) => {
      const journey = app.journeys.get(request.params.id);
      return reply.header('etag', draftTag(journey)).send(toJourneyDto(journey));
    },
  );

  app.put(
    '/v1/journeys/:id',
    {
      schema: {
        tags,
        summary: 'Replace the draft; with If-Match (the ETag last read) a draft changed since is refused with 412',
        params: journeyParams,
        headers: z.object({ 'if-match': z.string().optional() }),
        body: documentBody,
        response: { 200: journeySchema, 412: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const expected = request.headers['if-match'];
      if (expected !== undefined && expected !== draftTag(app.journeys.get(id))) {
        throw new PreconditionFailedError(
          `The draft of ${id} changed since you loaded it (another tab or user saved it); reload to continue`,
        );
      }
      const journey = app.journeys.updateDraft(id, request.body, app.clock.now(), principalOf(request));
      return reply.header('etag', draftTag(journey)).send(toJourneyDto(journey));
    },
  );

  app.post(
    '/v1/journeys/:id/validate',
    {
      schema: {
        tags,
        summary: 'Validate the draft: every problem with its node',
        params: journeyParams,
        response: { 200: z.object({ valid: z.boolean(), problems: z.array(problemSchema) }), ...errors },
      },
    },
    async (request) => {
      const problems = app.journeys.validate(request.params.id);
      return { valid: !problems.some((problem) => problem.severity === 'error'), problems };
    },
  );

  app.post(
    '/v1/journeys/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish the draft as a new immutable version; invalid drafts are refused with their problems',
        description:
          'With maker-checker on (JOURNEY_MAKER_CHECKER=on or PUT /v1/admin/settings), this submits the draft for ' +
          'approval instead (202): a different person approves it at /v1/journeys/:id/approvals/:requestId/approve.',
        params: journeyParams,
        body: z
          .object({
            nodeMap: z
              .record(z.string().min(1), z.string().min(1))
              .optional()
              .describe('Moves in-flight customers of older versions: their current node id → a node of this version'),
          })
          .nullish(),
        response: {
          201: z.object({
            version: versionSchema,
            changes: z.array(z.record(z.string(), z.unknown())),
            migrated: z.int().describe('customers moved to this version'),
          }),
          202: z.object({ approval: approvalSchema }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const nodeMap = request.body?.nodeMap ?? {};
      if (app.settings.switch('makerChecker').enabled) {
        const approval = app.approvals.submit(request.params.id, nodeMap, principalOf(request), app.clock.now());
        return reply.code(202).send({ approval: toApprovalDto(approval) });
      }
      const { version, changes, migrated } = app.journeys.publish(
        request.params.id,
        app.clock.now(),
        principalOf(request),
        { nodeMap },
      );
      return reply.code(201).send({ version: toVersionDto(version), changes, migrated });
    },
  );

  app.get(
    '/v1/journeys/:id/versions',
    {
      schema: {
        tags,
        summary: 'Published versions, oldest first',
        params: journeyParams,
        response: { 200: z.object({ versions: z.array(versionSchema) }), ...errors },
      },
    },
    async (request) => ({ versions: app.journeys.versionsOf(request.params.id).map(toVersionDto) }),
  );

  for (const [action, status] of [
    ['pause', 'paused'],
    ['resume', 'live'],
    ['archive', 'archived'],
  ] as const) {
    app.post(
      `/v1/journeys/:id/${action}`,
      {
        schema: {
          tags,
          summary: `${action[0]?.toUpperCase()}${action.slice(1)} the journey`,
          params: journeyParams,
          response: { 200: journeySchema, ...errors },
        },
      },
      async (request) =>
        toJourneyDto(app.journeys.setStatus(request.params.id, status, app.clock.now(), principalOf(request))),
    );
  }

  app.get(
    '/v1/journeys/:id/machine',
    {
      schema: {
        tags,
        summary: 'The compiled XState machine config of a version (default: the live one)',
        params: journeyParams,
        querystring: z.object({ version: z.coerce.number().int().positive().optional() }),
        response: {
          200: z.object({
            version: z.int(),
            config: z.record(z.string(), z.unknown()),
            delays: z.record(z.string(), z.unknown()),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const journey = app.journeys.get(request.params.id);
      const versionNumber = request.query.version ?? journey.liveVersion;
      if (versionNumber === null) {
        throw new NotFoundError(`Journey ${journey.id} has not been published yet`);
      }
      const { compiled } = app.journeys.version(journey.id, versionNumber);
      return { version: versionNumber, config: { ...compiled.config }, delays: compiled.delays };
    },
  );
};

export default journeyRoutes;
