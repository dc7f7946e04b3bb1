import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { approvalSchema, toApprovalDto } from '../auth/schema';
import { errorResponseSchema } from '../http-errors';
import { principalOf } from '../plugins/auth';
import { toVersionDto, versionSchema } from './journeys';

const requestParams = z.object({ id: z.string().min(1).max(64), requestId: z.coerce.number().int().positive() });
const errors = {
  400: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

/** Maker-checker: publish requests waiting for a second person, approved or rejected here. */
const approvalRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['journeys'];

  app.get(
    '/v1/journeys/:id/approvals',
    {
      schema: {
        tags,
        summary: "A journey's publish requests, newest first",
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: z.object({ approvals: z.array(approvalSchema) }), 404: errorResponseSchema },
      },
    },
    async (request) => ({ approvals: app.approvals.list(request.params.id).map(toApprovalDto) }),
  );

  app.post(
    '/v1/journeys/:id/approvals/:requestId/approve',
    {
      schema: {
        tags,
        summary: 'Approve a publish request and publish the document it submitted (not the maker’s own request)',
        params: requestParams,
        response: {
          201: z.object({
            approval: approvalSchema,
            version: versionSchema,
            changes: z.array(z.record(z.string(), z.unknown())),
            migrated: z.int(),
            draftChanged: z
              .boolean()
              .describe('The draft was edited after the request; the submitted document was published'),
            notice: z.string().optional(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { id, requestId } = request.params;
      const { approval, version, changes, migrated, draftChanged } = app.approvals.approve(
        id,
        requestId,
        principalOf(request),
        app.clock.now(),
      );
      return reply.code(201).send({
        approval: toApprovalDto(approval),
        version: toVersionDto(version),
        changes,
        migrated,
        draftChanged,
        ...(draftChanged && {
          notice: `The draft changed after request ${requestId}; version ${version.version} is the document as submitted, and the newer draft stays unpublished`,
        }),
      });
    },
  );

  app.post(
    '/v1/journeys/:id/approvals/:requestId/reject',
    {
      schema: {
        tags,
        summary: 'Reject a publish request with a reason (its maker may, to withdraw it)',
        params: requestParams,
        body: z.strictObject({ reason: z.string().trim().min(1).max(2000) }),
        response: { 200: z.object({ approval: approvalSchema }), ...errors },
      },
    },
    async (request) => {
      const { id, requestId } = request.params;
      const approval = app.approvals.reject(id, requestId, request.body.reason, principalOf(request), app.clock.now());
      return { approval: toApprovalDto(approval) };
    },
  );
};

export default approvalRoutes;
