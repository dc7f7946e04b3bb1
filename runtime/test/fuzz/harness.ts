import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { SqliteHandle } from '../../src/db/client';
import { buildTestApp } from '../helpers';

/** No single request may take longer than this; a slower one counts as a hang. */
const REQUEST_TIMEOUT_MS = 10_000;

/** The JSON text of `depth` arrays inside each other. */
export function nestedArrays(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/**
 * Stand-ins for oversized values, spliced into the body text when it is sent: counterexamples stay readable, and
 * 10,000 levels of nesting could not be built as a value anyway (JSON.stringify would overflow the stack).
 */
const oversized = {
  '\u0000huge\u0000': JSON.stringify('长'.repeat(1 << 20)),
  '\u0000deep\u0000': nestedArrays(10_000),
};
/** A 1 MB string (3 MB of UTF-8) once sent. */
const HUGE_STRING = '\u0000huge\u0000';
/** 10,000 nested arrays once sent. */
const DEEP_NESTING = '\u0000deep\u0000';

const samplesDirectory = new URL('../../../samples/journeys/', import.meta.url);

/** The sample bank journeys, parsed from `samples/journeys/*.json`. */
export function sampleJourneys(): Array<Record<string, unknown>> {
  return readdirSync(samplesDirectory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(new URL(file, samplesDirectory), 'utf8')));
}

/** The cause of the last error each app answered, for failure messages. */
const lastServerError = new WeakMap<FastifyInstance, string>();

/** The benefit pools the samples grant from. */
const samplePools = ['welcome-coupons', 'weekly-bonus-coupon', 'payroll-cashback', 'reactivation-points'];

/** A test app holding the samples (published where possible), their pools, two customers with events and a segment, like a real one. */
export async function seededApp(): Promise<FastifyInstance> {
  const { app } = await buildTestApp();
  // A 5xx says only "something went wrong"; keep the server-side cause for the failure message.
  app.addHook('onError', async (_request, _reply, error) => {
    lastServerError.set(app, error.stack ?? String(error));
  });
  const seed = async (method: 'POST' | 'PUT', url: string, payload: object) => {
    const response = await app.inject({ method, url, payload });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  };
  for (const id of samplePools) {
    await seed('POST', '/v1/benefit-pools', {
      id,
      name: id,
      budget: 100,
      perCustomerLimit: 3,
      perCustomerPeriod: 'month',
    });
  }
  let published = 0;
  for (const journey of sampleJourneys()) {
    await seed('POST', '/v1/journeys', journey);
    // Samples entered from a segment publish only once it exists; the others are enough to run events through.
    const publish = await app.inject({ method: 'POST', url: `/v1/journeys/${journey.id}/publish`, payload: {} });
    if (publish.statusCode === 201) published += 1;
  }
  expect(published).toBeGreaterThanOrEqual(3);
  await seed('PUT', '/v1/customers/c1', { attributes: { name: 'Li Wei', age: 35, payroll: true }, tags: ['vip'] });
  await seed('PUT', '/v1/customers/c2', { attributes: { name: 'Wang Fang', age: 52 } });
  await seed('POST', '/v1/segments', { name: 'seniors', condition: { attr: 'age', op: 'gte', value: 50 } });
  await seed('POST', '/v1/events', {
    events: [
      { eventId: 'seed-1', customerId: 'c1', type: 'card_activated' },
      { eventId: 'seed-2', customerId: 'c2', type: 'app.login', properties: { screen: 'home' } },
    ],
  });
  return app;
}

/** A digest of every row of every table, to prove a rejected request changed nothing. */
export function databaseDigest(sqlite: SqliteHandle): string {
  const hash = createHash('sha256');
  const tables = sqlite
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all();
  for (const { name } of tables) {
    hash.update(`\u0000${name}\u0000`);
    for (const row of sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate()) {
      hash.update(JSON.stringify(row));
    }
  }
  return hash.digest('hex');
}

/** `inject`, failing instead of waiting forever when the app never answers. */
export async function injectWithin(app: FastifyInstance, options: InjectOptions): Promise<LightMyRequestResponse> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${options.method} ${options.url} hung for ${REQUEST_TIMEOUT_MS} ms`)),
      REQUEST_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([app.inject(options), hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** What the fuzzer saw, by status class; printed at the end so CI logs show `500s = 0`. */
export class FuzzTally {
  readonly #byClass = new Map<string, number>();
  serverErrors = 0;

  count(status: number): void {
    const statusClass = `${Math.floor(status / 100)}xx`;
    this.#byClass.set(statusClass, (this.#byClass.get(statusClass) ?? 0) + 1);
    if (status >= 500) this.serverErrors += 1;
  }

  summary(label: string): string {
    const total = [...this.#byClass.values()].reduce((sum, n) => sum + n, 0);
    const classes = [...this.#byClass.entries()]
      .sort()
      .map(([statusClass, n]) => `${statusClass} ${n}`)
      .join(', ');
    return `fuzz ${label}: ${total} requests (${classes}), 500s = ${this.serverErrors}`;
  }
}

const knownDigests = new WeakMap<FastifyInstance, string>();

/**
 * Sends a request and checks the contract for any input: an answer within the time limit, never a 5xx, a JSON
 * `{error, message}` for every 4xx, and a database left exactly as it was by every rejected request.
 */
export async function expectHandled(
  app: FastifyInstance,
  options: InjectOptions,
  tally: FuzzTally,
): Promise<LightMyRequestResponse> {
  // Only requests change the database (the test apps run no background loop), so a digest stays valid until one succeeds.
  const before = knownDigests.get(app) ?? databaseDigest(app.sqlite);
  knownDigests.delete(app);
  const response = await injectWithin(app, options);
  tally.count(response.statusCode);
  const what = `${options.method} ${String(options.url).slice(0, 200)} → ${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, `${what}\n${lastServerError.get(app) ?? ''}`).toBeLessThan(500);
  if (response.statusCode >= 400) {
    expect(response.headers['content-type'], what).toMatch(/^application\/json/);
    expect(response.json(), what).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    expect(databaseDigest(app.sqlite), `a rejected request changed the database: ${what}`).toBe(before);
    knownDigests.set(app, before);
  }
  return response;
}

/** A value a careless client might send in place of a good one. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    HUGE_STRING,
    DEEP_NESTING,
    '',
    ' ',
    '\u0000',
    '💳🏦',
    '\u202e',
    '../../etc/passwd',
    "'; DROP TABLE customers; --",
    0,
    -1,
    -0,
    0.5,
    1e308,
    -1e308,
    2 ** 53 + 2,
    Number.MAX_SAFE_INTEGER,
    true,
    null,
    [],
    {},
    JSON.parse('{"__proto__": {"polluted": true}}'),
    { constructor: { prototype: { polluted: true } } },
  ),
);

type Json = unknown;

/** Every path into a JSON value (the value itself is the empty path). */
function pathsOf(value: Json, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
}

export interface Mutation {
  /** Picks the path to change, modulo the number of paths. */
  at: number;
  kind: 'replace' | 'delete' | 'addKey' | 'duplicate';
  value: unknown;
  key: string;
}

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'delete', 'addKey', 'duplicate'),
  value: hostileValue,
  key: fc.oneof(fc.constantFrom('id', 'type', 'config', 'nodes', 'events', '__proto__'), fc.string({ maxLength: 8 })),
});

/** Applies mutations to a deep copy: replace or delete the value at a path, add a key, or duplicate an array item. */
export function mutate(value: Json, mutations: readonly Mutation[]): Json {
  let result: Json = structuredClone(value);
  for (const mutation of mutations) {
    const paths = pathsOf(result);
    const path = paths[mutation.at % paths.length]!;
    if (path.length === 0) {
      result = mutation.kind === 'replace' ? mutation.value : result;
      continue;
    }
    const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key], result);
    const key = path.at(-1)!;
    const container = parent as Record<string, Json>;
    const target = container[key];
    if (mutation.kind === 'replace') container[key] = mutation.value;
    else if (mutation.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete container[key];
    } else if (mutation.kind === 'addKey' && typeof target === 'object' && target !== null && !Array.isArray(target)) {
      Object.defineProperty(target, mutation.key, {
        value: mutation.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else if (mutation.kind === 'duplicate' && Array.isArray(target) && target.length > 0) {
      target.push(structuredClone(target[0]));
    }
  }
  return result;
}

/** The JSON text of a value, with the oversized values spliced in where their stand-ins are. */
export function toJsonText(value: Json): string {
  let text = JSON.stringify(value) ?? 'null';
  for (const [standIn, json] of Object.entries(oversized)) text = text.split(JSON.stringify(standIn)).join(json);
  return text;
}

export interface BodyEncoding {
  contentType: string | undefined;
  /** How the JSON text is damaged before sending, if at all. */
  damage: 'none' | 'truncate' | 'insert';
  at: number;
  character: string;
}

export const bodyEncodingArbitrary: fc.Arbitrary<BodyEncoding> = fc.record({
  contentType: fc.oneof(
    { weight: 6, arbitrary: fc.constant('application/json') },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        undefined,
        'application/json; charset=utf-8',
        'application/json; charset=utf-16',
        'APPLICATION/JSON',
        'application/jsonx',
        'text/plain',
        'text/csv',
        'application/x-ndjson',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=xyz',
        'application/octet-stream',
        'application/xml',
        '*/*',
        ';;;',
        'application/json; boundary',
      ),
    },
    { weight: 1, arbitrary: fc.stringMatching(/^[\x20-\x7e]{0,30}$/) },
  ),
  damage: fc.constantFrom('none', 'none', 'none', 'truncate', 'insert'),
  at: fc.nat(),
  character: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', '\u0000', '\ud800', 'x'),
});

/** The request payload and headers for a JSON value sent with an encoding (possibly broken on purpose). */
export function encodeBody(value: Json, encoding: BodyEncoding): Pick<InjectOptions, 'payload' | 'headers'> {
  let text = toJsonText(value);
  const at = encoding.at % (text.length + 1);
  if (encoding.damage === 'truncate') text = text.slice(0, at);
  if (encoding.damage === 'insert') text = text.slice(0, at) + encoding.character + text.slice(at);
  return {
    payload: text,
    headers: encoding.contentType === undefined ? {} : { 'content-type': encoding.contentType },
  };
}
