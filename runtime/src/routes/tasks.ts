import { taskCompletionSchema, taskSchema, taskStatuses } from '@journey/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema, NotFoundError } from '../http-errors';
import { orgIdSchema } from '../org/schema';
import { toTaskDto } from '../tasks/dto';

const taskParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** Staff tasks issued by `branchTask` and `callCenter` messages: the inbox, outcomes and reassignment. */
const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['tasks'];

  app.get(
    '/v1/tasks',
    {
      schema: {
        tags,
        summary: 'Tasks, due soonest first',
        querystring: z.object({
          assignee: orgIdSchema.optional().describe('a staff id'),
          branch: orgIdSchema.optional().describe('the org unit the task was issued in (exactly, not its sub-units)'),
          status: z.enum(taskStatuses).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: { 200: z.object({ tasks: z.array(taskSchema) }), 400: errorResponseSchema },
      },
    },
    async (request) => ({ tasks: app.tasks.list(request.query).map(toTaskDto) }),
  );

  app.get(
    '/v1/tasks/:id',
    {
      schema: { tags, summary: 'Read a task', params: taskParams, response: { 200: taskSchema, ...errors } },
    },
    async (request) => {
      const task = app.tasks.find(request.params.id);
      if (!task) throw new NotFoundError(`Task ${request.params.id} not found`);
      return toTaskDto(task);
    },
  );

  app.post(
    '/v1/tasks/:id/complete',
    {
      schema: {
        tags,
        summary: 'Record the outcome of an open task',
        description:
          'Emits a `task_completed` event for the customer (properties outcome, product, amount, taskId, journeyId, ' +
          'nodeId), so journeys can wait for the outcome. A task is completed once: again is a 409.',
        params: taskParams,
        body: taskCompletionSchema,
        response: { 200: taskSchema, ...errors },
      },
    },
    async (request) => toTaskDto(app.tasks.complete(request.params.id, request.body)),
  );

  app.post(
    '/v1/tasks/:id/reassign',
    {
      schema: {
        tags,
        summary: 'Hand an open task to another active staff member',
        params: taskParams,
        body: z.strictObject({ assignee: orgIdSchema.describe('a staff id') }),
        response: { 200: taskSchema, ...errors },
      },
    },
    async (request) => toTaskDto(app.tasks.reassign(request.params.id, request.body.assignee)),
  );
};

export default taskRoutes;
