import { z } from 'zod';

export const errorResponseSchema = z
  .object({
    error: z.string().describe('HTTP status text'),
    message: z.string(),
    issues: z.array(z.object({ path: z.string().describe('e.g. body.events.3.type'), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
export type Issue = NonNullable<ErrorResponse['issues']>[number];

/** Thrown by handlers for a resource that does not exist; the error handler turns it into a 404. */
export class NotFoundError extends Error {
  readonly statusCode = 404;
}

/** Thrown for input that passes the schema but is still wrong (the issues name the fields). */
export class BadRequestError extends Error {
  readonly statusCode = 400;

  constructor(
    message: string,
    readonly issues: Issue[],
  ) {
    super(message);
  }
}

/** Thrown when a request conflicts with the resource's current state (e.g. publishing an archived journey). */
export class ConflictError extends Error {
  readonly statusCode = 409;
}

/** Missing, invalid or expired credentials. */
export class UnauthorizedError extends Error {
  readonly statusCode = 401;
}

/** Valid credentials whose role may not do this. */
export class ForbiddenError extends Error {
  readonly statusCode = 403;
}

/** A body in a media type the route does not read. */
export class UnsupportedMediaTypeError extends Error {
  readonly statusCode = 415;
}

/** Thrown when a conditional write (If-Match) names a version the resource has moved on from. */
export class PreconditionFailedError extends Error {
  readonly statusCode = 412;
}
