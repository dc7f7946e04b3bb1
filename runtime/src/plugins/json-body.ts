import fp from 'fastify-plugin';
import { BadRequestError } from '../http-errors';
import { MAX_JSON_DEPTH, pathNestedTooDeep } from '../json-depth';

/** JSON bodies as fastify parses them (prototype poisoning refused), plus a nesting limit that names the field. */
export default fp(
  async (app) => {
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body: string, done) => {
      parseJson(request, body, (error, value) => {
        if (error) return done(error);
        const path = pathNestedTooDeep(value);
        if (!path) return done(null, value);
        const field = ['body', ...path].join('.');
        const message = `nested deeper than ${MAX_JSON_DEPTH} levels`;
        done(new BadRequestError(`${field}: ${message}`, [{ path: field, message }]));
      });
    });
  },
  { name: 'json-body' },
);
