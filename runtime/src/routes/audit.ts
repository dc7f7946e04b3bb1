import { roles } from '@journey/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AuditEntry, auditActions } from '../audit/log';

const entrySchema = z
  .object({
    id: z.int(),
    at: z.string(),
    actor: z.object({ name: z.string(), role: z.enum(roles) }),
    action: z.enum(auditActions),
    journeyId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).describe('e.g. the version and its changes for journey.published'),
  })
  .meta({ id: 'AuditEntry' });

const toEntryDto = (entry: AuditEntry) => ({
  id: entry.id,
  at: new Date(entry.at).toISOString(),
  actor: { name: entry.actorName, role: entry.actorRole },
  action: entry.action,
  journeyId: entry.journeyId,
  detail: entry.detail,
});

const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Who created, edited, published, paused, resumed or archived what, and key and setting changes; newest first',
        querystring: z.object({
          journeyId: z.string().min(1).max(64).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          before: z.coerce.number().int().positive().optional().describe('nextBefore of the previous page'),
        }),
        response: { 200: z.object({ entries: z.array(entrySchema), nextBefore: z.int().nullable() }) },
      },
    },
    async (request) => {
      const entries = app.audit.list(request.query);
      const last = entries.at(-1);
      return {
        entries: entries.map(toEntryDto),
        nextBefore: last && entries.length === request.query.limit ? last.id : null,
      };
    },
  );
};

export default auditRoutes;
