import { STATUS_CODES } from 'node:http';
import type { FastifySchemaCompiler } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { BadRequestError, type ErrorResponse, type Issue } from '../http-errors';

/**
 * Validates with zod and hands fastify the ZodError itself (rather than a flattened copy), so the error
 * handler can see into union alternatives and name the exact field that is wrong.
 */
const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data);
    return result.success ? { value: result.data } : { error: result.error };
  };

/** A request that failed its route schema: fastify stamps our ZodError with the part it was checking. */
function isRequestValidationError(error: unknown): error is z.ZodError & { validationContext: string } {
  return error instanceof z.ZodError && 'validationContext' in error && typeof error.validationContext === 'string';
}

function toIssues(prefix: PropertyKey[], zodIssues: readonly z.core.$ZodIssue[]): Issue[] {
  return zodIssues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // zod cannot know which alternative the client meant; the one with the fewest complaints is the best guess.
      const closest = issue.errors.reduce((best, alternative) =>
        alternative.length < best.length ? alternative : best,
      );
      if (closest.length > 0) return toIssues(path, closest);
    }
    return [{ path: path.map(String).join('.'), message: issue.message }];
  });
}

/** Errors that carry a 4xx status (fastify's body errors, NotFoundError, …) are the client's to fix. */
function asClientError(error: unknown): { status: number; message: string } | undefined {
  if (!(error instanceof Error) || !('statusCode' in error)) return undefined;
  const { statusCode } = error;
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
  return { status: statusCode, message: error.message };
}

function describe(statusCode: number, message: string, issues?: Issue[]): ErrorResponse {
  return { error: STATUS_CODES[statusCode] ?? 'Error', message, ...(issues && { issues }) };
}

/** One error shape for the whole API: `{error, message, issues?}`; bad input is a 4xx, never a 500. */
export default fp(
  async (app) => {
    app.setValidatorCompiler(zodValidatorCompiler);

    app.setErrorHandler((error, request, reply) => {
      if (isRequestValidationError(error)) {
        const issues = toIssues([error.validationContext], error.issues);
        const first = issues[0];
        const message = first ? `${first.path}: ${first.message}` : 'Invalid request';
        return reply.code(400).send(describe(400, message, issues));
      }
      if (error instanceof BadRequestError) {
        return reply.code(400).send(describe(400, error.message, error.issues));
      }
      const clientError = asClientError(error);
      if (clientError) {
        return reply.code(clientError.status).send(describe(clientError.status, clientError.message));
      }
      request.log.error({ err: error }, 'request failed');
      return reply.code(500).send(describe(500, 'Something went wrong on our side'));
    });

    app.setNotFoundHandler((request, reply) => {
      reply.code(404).send(describe(404, `No route ${request.method} ${request.url.split('?')[0]}`));
    });
  },
  { name: 'errors' },
);
