import { catalog, type NodeType, nodeTypes } from '@journey/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expectHandled,
  FuzzTally,
  hostileValue,
  mutate,
  mutationArbitrary,
  sampleJourneys,
  seededApp,
  toJsonText,
} from './harness';

const samples = sampleJourneys();
const sampleNodes = samples.flatMap((sample) => sample.nodes as Array<{ type: string; config: unknown }>);

/** Real configs per node type (the catalog default and every sample's), for documents built from scratch. */
const configArbitrary = (type: NodeType): fc.Arbitrary<unknown> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        catalog[type].defaultConfig,
        ...sampleNodes.filter((node) => node.type === type).map((node) => node.config),
      ),
    },
    { weight: 1, arbitrary: hostileValue },
  );

const RUNS = 150;
const nodeIds = ['a', 'b', 'c', 'd', 'e'];

/** A document assembled from random nodes and edges: mostly unpublishable, sometimes a strange but valid journey. */
const randomDocumentArbitrary = fc.record({
  schemaVersion: fc.constantFrom<unknown>(1, 1, 1, 2, '1', 0),
  name: fc.string({ minLength: 1, maxLength: 20 }),
  settings: fc.record(
    {
      reentry: fc.constantFrom('never', 'afterExit', 'always', 'sometimes'),
      timezone: fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York', 'Mars/Olympus', ''),
      quietHours: fc.record({
        start: fc.constantFrom('21:00', '25:99', '08:00'),
        end: fc.constantFrom('08:00', '21:00', 'x'),
      }),
      frequencyCap: fc.record({
        count: fc.integer({ min: -1, max: 3 }),
        per: fc.constantFrom('day', 'week', 'month', 'year'),
      }),
      goal: fc.record({ event: fc.constantFrom('card_transaction', 'purchase'), exitOnGoal: fc.boolean() }),
    },
    { requiredKeys: ['reentry', 'timezone'] },
  ),
  nodes: fc.uniqueArray(
    fc
      .record({ id: fc.constantFrom(...nodeIds), type: fc.constantFrom(...nodeTypes) })
      .chain(({ id, type }) => configArbitrary(type).map((config) => ({ id, type, position: { x: 0, y: 0 }, config }))),
    { selector: (node) => node.id, minLength: 1, maxLength: nodeIds.length },
  ),
  edges: fc
    .array(
      fc.record({
        source: fc.constantFrom(...nodeIds),
        sourceHandle: fc.constantFrom(
          'next',
          'sent',
          'failed',
          'matched',
          'timeout',
          'granted',
          'unavailable',
          'else',
          'yes',
          'A',
        ),
        target: fc.constantFrom(...nodeIds),
      }),
      { maxLength: 8 },
    )
    .map((edges) => edges.map((edge, index) => ({ id: `e${index}`, ...edge }))),
});

/** A sample journey with a few random changes: the nearer to valid, the deeper the fuzzer gets into the engine. */
const mutatedSampleArbitrary = fc
  .tuple(fc.constantFrom(...samples), fc.array(mutationArbitrary, { maxLength: 2 }))
  .map(([sample, mutations]) => mutate(sample, mutations));

/** Every event type a document mentions (trigger, waits, goal, exit), so events reach what was published. */
function eventTypesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(eventTypesIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === 'event' && typeof item === 'string' ? [item] : eventTypesIn(item),
  );
}

describe('fuzzing journey documents', () => {
  it('creates, validates, publishes and runs any document without a 5xx, and rejects bad ones without a trace', {
    timeout: 60_000,
  }, async () => {
    const app = await seededApp();
    const tally = new FuzzTally();
    let published = 0;
    let run = 0;

    const scenario = fc.record({
      document: fc.oneof(mutatedSampleArbitrary, randomDocumentArbitrary),
      revision: fc.array(mutationArbitrary, { maxLength: 1 }),
      // Small values only: a batch carrying several 1 MB strings would (rightly) be a 413.
      properties: fc.dictionary(
        fc.string({ maxLength: 8 }),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: 'binary' })),
        {
          maxKeys: 3,
        },
      ),
    });

    await fc.assert(
      fc.asyncProperty(scenario, async ({ document, revision, properties }) => {
        run += 1;
        const id = `fuzz-${run}`;
        const withId =
          typeof document === 'object' && document !== null && !Array.isArray(document)
            ? { ...document, id }
            : document;
        const send = (method: 'POST' | 'PUT', url: string, body?: unknown) =>
          expectHandled(
            app,
            {
              method,
              url,
              ...(body === undefined
                ? {}
                : { payload: toJsonText(body), headers: { 'content-type': 'application/json' } }),
            },
            tally,
          );

        if ((await send('POST', '/v1/journeys', withId)).statusCode !== 201) return;
        expect((await send('POST', `/v1/journeys/${id}/validate`)).statusCode).toBe(200);
        await send('PUT', `/v1/journeys/${id}`, mutate(withId, revision));
        if ((await send('POST', `/v1/journeys/${id}/publish`, {})).statusCode !== 201) return;
        published += 1;

        // Whatever was published, events and timers must flow: a journey must never break ingestion.
        const events = eventTypesIn(withId).map((type, index) => ({
          eventId: `${id}-${index}`,
          customerId: index % 2 === 0 ? 'c1' : `${id}-customer`,
          type,
          properties,
        }));
        if (events.length > 0) expect((await send('POST', '/v1/events', { events })).statusCode).toBe(202);
        expect((await send('POST', '/v1/admin/clock', { advance: 'P61D' })).statusCode).toBe(200);
        expect((await send('POST', `/v1/journeys/${id}/archive`)).statusCode).toBe(200);
      }),
      { numRuns: RUNS },
    );

    console.log(`${tally.summary('journeys')}, ${published} of ${RUNS} documents published and run`);
    expect(tally.serverErrors).toBe(0);
    expect(published).toBeGreaterThan(10);
  });
});
