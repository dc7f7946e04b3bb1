import { describe, expect, it } from 'vitest';
import { buildTestApp } from './helpers';

describe('error responses', () => {
  it('answers an unknown route with a JSON 404', async () => {
    const { app } = await buildTestApp();
    const response = await app.inject({ method: 'GET', url: '/v1/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'Not Found', message: 'No route GET /v1/nothing-here' });
  });

  it('rejects malformed JSON with a 400', async () => {
    const { app } = await buildTestApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { 'content-type': 'application/json' },
      payload: '{"eventId": "e1",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'Bad Request', message: expect.stringContaining('JSON') });
  });

  it('rejects a media type the route does not read with a 415', async () => {
    const { app } = await buildTestApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { 'content-type': 'text/plain' },
      payload: 'eventId=e1',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error: 'Unsupported Media Type' });
  });

  it('rejects a JSON body over the limit with a 413', async () => {
    const { app } = await buildTestApp();
    const response = await app.inject({
      method: 'PUT',
      url: '/v1/customers/c1',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ attributes: { note: 'x'.repeat(11 * 1024 * 1024) } }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: 'Payload Too Large' });
  });

  it('names every invalid field with its location in the request', async () => {
    const { app } = await buildTestApp();
    const response = await app.inject({
      method: 'PUT',
      url: '/v1/customers/c1',
      payload: { attributes: 'not an object', tags: ['ok', ''] },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.issues.map((issue: { path: string }) => issue.path)).toEqual(['body.attributes', 'body.tags.1']);
    expect(body.message).toMatch(/^body\.attributes: /);
  });
});

describe('API documentation', () => {
  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const { app } = await buildTestApp();
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/v1/customers/{id}',
        '/v1/customers/import',
        '/v1/segments/{id}/customers',
        '/v1/events',
      ]),
    );
    expect(document.paths['/v1/customers/{id}'].put.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/CustomerPatchInput',
    });
  });

  it('serves Swagger UI at /docs', async () => {
    const { app } = await buildTestApp();
    const response = await app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('swagger');
  });
});
