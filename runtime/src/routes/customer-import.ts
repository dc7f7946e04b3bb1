import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ImportFormat, importCustomers, importFormats } from '../customers/import';
import { UnsupportedMediaTypeError } from '../http-errors';

function formatOf(contentType: string | undefined): ImportFormat | undefined {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return importFormats[mediaType as keyof typeof importFormats];
}

/**
 * Bulk upsert from a file. The body is never buffered: this plugin replaces the JSON parser with parsers that
 * hand over the request stream, so a file of any size flows row by row into the database (and any other
 * media type is a 415).
 */
const customerImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(Object.keys(importFormats), (_request, payload, done) => done(null, payload));

  app.post(
    '/v1/customers/import',
    {
      schema: {
        tags: ['customers'],
        summary: 'Import customers from CSV (header row; tags separated by |) or NDJSON, streamed',
        description:
          'Each row is upserted like PUT /v1/customers/:id. CSV cells that look like decimals become numbers and ' +
          'empty cells are left out. Without idColumn, or when the CSV header lacks it, ids are 1-based row numbers.',
        consumes: Object.keys(importFormats),
        querystring: z.object({ idColumn: z.string().min(1).max(128).optional() }),
        response: {
          200: z.object({
            imported: z.int().describe('New customers'),
            updated: z.int().describe('Customers that existed and were merged into'),
            rejected: z.array(z.object({ row: z.int(), message: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      const format = formatOf(request.headers['content-type']);
      // Fastify runs no parser for an empty body without a content type, so there may be no stream to read.
      if (!format || !(request.body instanceof Readable)) {
        throw new UnsupportedMediaTypeError(`Send the file as ${Object.keys(importFormats).join(' or ')}`);
      }
      return importCustomers(
        request.body,
        { format, idColumn: request.query.idColumn },
        app.customers,
        app.db,
        app.clock,
      );
    },
  );
};

export default customerImportRoutes;
