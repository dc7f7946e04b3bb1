import fc from 'fast-check';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  bodyEncodingArbitrary,
  encodeBody,
  expectHandled,
  FuzzTally,
  hostileValue,
  mutate,
  mutationArbitrary,
  sampleJourneys,
  seededApp,
} from './harness';

interface Operation {
  method: HTTPMethods;
  /** OpenAPI path template, e.g. `/v1/journeys/{id}/publish`. */
  path: string;
  pathParameters: string[];
  queryParameters: string[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
}

/** Every documented operation, straight from the app's own OpenAPI document, so new routes are fuzzed too. */
async function operationsOf(app: FastifyInstance): Promise<Operation[]> {
  const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as OpenApiDocument;
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const parameters = operation.parameters ?? [];
      const named = (location: string) => parameters.filter((p) => p.in === location).map((p) => p.name);
      return {
        method: method.toUpperCase() as HTTPMethods,
        path,
        pathParameters: named('path'),
        queryParameters: named('query'),
      };
    }),
  );
}

/** Random requests per route (method, path values, query, body, encoding). */
const RUNS_PER_ROUTE = 15;

const [sample] = sampleJourneys();
const event = { eventId: 'fz-1', customerId: 'c1', type: 'card_transaction', properties: { amount: 120 } };

/** Valid bodies per operation, the starting points for mutation; operations not listed start from random JSON. */
const validBodies: Record<string, unknown[]> = {
  'POST /v1/events': [
    event,
    { events: [event, { ...event, eventId: 'fz-2', timestamp: '2025-03-01T09:00:00+08:00' }] },
  ],
  'PUT /v1/customers/{id}': [{ attributes: { name: '张伟', age: 41, segment: 'payroll' }, tags: ['vip'] }],
  'POST /v1/customers/{id}/tags': [{ tags: ['payroll', 'wealth'] }],
  'POST /v1/segments': [
    { name: 'payroll', condition: { all: [{ attr: 'age', op: 'between', value: [30, 50] }, { hasTag: 'vip' }] } },
  ],
  'POST /v1/segments/preview': [{ condition: { any: [{ attr: 'age', op: 'gte', value: 60 }, { hasTag: 'payroll' }] } }],
  'POST /v1/journeys': [sample],
  'PUT /v1/journeys/{id}': [sample],
  'POST /v1/journeys/{id}/publish': [{ publishedBy: 'ops' }],
  'POST /v1/benefit-pools': [{ id: 'pool-x', name: 'Pool', budget: 10, perCustomerLimit: 1, perCustomerPeriod: 'day' }],
  'PUT /v1/benefit-pools/{id}': [{ name: 'Pool', budget: 200, perCustomerLimit: 2, perCustomerPeriod: 'week' }],
  'POST /v1/admin/clock': [{ advance: 'PT1H' }, { to: '2025-03-02T00:00:00Z' }],
  'POST /v1/creatives/{id}/approve': [{ revision: 1 }],
  'PUT /v1/templates/{id}': [
    {
      name: 'Welcome',
      parameters: [
        { key: 'activation', label: 'Activation', kind: 'event', targets: ['nodes.card-activated.config.event'] },
      ],
      translations: { 'zh-CN': { name: '欢迎', parameters: { activation: { label: '激活', hint: '事件' } } } },
      document: sample,
    },
  ],
  'POST /v1/templates/{id}/journeys': [
    { id: 'fz-from-template', name: 'From a template', parameters: { activation: 'x' } },
  ],
};

/** Ids that exist after seeding, so requests reach the handlers and not only the 404s. */
const knownIds = ['c1', 'c2', 'vip', String(sample?.id), 'wealth-maturity', 'welcome-coupons', '1'];

/** Path segments as a client might send them: known ids, unicode, very long, or raw percent-escapes. */
const pathValueArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...knownIds).map(encodeURIComponent) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(percentEncode) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'x'.repeat(129),
      'y'.repeat(600),
      '%',
      '%zz',
      '%E0%A4%A',
      '%00',
      '..',
      '.',
      '%2F',
      '%20',
    ),
  },
);

/** Percent-encodes the UTF-8 bytes (lone surrogates become U+FFFD, as a browser would send them). */
function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

const queryArbitrary = (names: string[]): fc.Arbitrary<string> =>
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...names, 'limit', 'unknown'), fc.string({ maxLength: 6 })),
        fc.oneof(
          fc.constantFrom('1', '0', '-1', '1001', '1e3', 'NaN', '', 'sms', 'c1', 'x'.repeat(2000)),
          fc.string({ unit: 'binary', maxLength: 12 }),
        ),
      ),
      { maxLength: 3 },
    )
    .map((pairs) =>
      pairs.length === 0
        ? ''
        : `?${pairs.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&')}`,
    );

describe('fuzzing every route', () => {
  it('answers any request with a 2xx, or a 4xx {error, message} that leaves the database unchanged', {
    timeout: 60_000,
  }, async () => {
    const app = await seededApp();
    const operations = await operationsOf(app);
    expect(operations.length).toBeGreaterThan(20);
    const tally = new FuzzTally();

    const requestFor = (operation: (typeof operations)[number]) =>
      fc.record({
        operation: fc.constant(operation),
        method: fc.oneof(
          { weight: 9, arbitrary: fc.constant(operation.method) },
          { weight: 1, arbitrary: fc.constantFrom<HTTPMethods>('GET', 'POST', 'PUT', 'DELETE', 'PATCH') },
        ),
        pathValues: fc.array(pathValueArbitrary, {
          minLength: operation.pathParameters.length,
          maxLength: operation.pathParameters.length,
        }),
        query: queryArbitrary(operation.queryParameters),
        body: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...(validBodies[`${operation.method} ${operation.path}`] ?? [{}])) },
          { weight: 1, arbitrary: hostileValue },
        ),
        mutations: fc.array(mutationArbitrary, { maxLength: 3 }),
        encoding: bodyEncodingArbitrary,
      });

    // Every route gets the same number of runs, so a new route can never go untested by chance.
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(requestFor(operation), async ({ method, pathValues, query, body, mutations, encoding }) => {
          let index = 0;
          const url = operation.path.replace(/\{[^}]+\}/g, () => pathValues[index++] ?? '') + query;
          const withBody = method !== 'GET';
          await expectHandled(
            app,
            { method, url, ...(withBody ? encodeBody(mutate(body, mutations), encoding) : {}) },
            tally,
          );
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    }

    console.log(tally.summary('routes'));
    expect(tally.serverErrors).toBe(0);
  });
});
