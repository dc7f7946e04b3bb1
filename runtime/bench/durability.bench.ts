/**
 * What `synchronous=FULL` (every commit synced: an acknowledged event survives a power loss) costs against
 * `NORMAL` (synced at checkpoints: survives a process crash only). Two apps on two temporary database files take
 * the same events through `POST /v1/events` (in-process inject, no HTTP), in alternating rounds so that machine
 * noise falls on both alike. Prints events/s per setting and the ratio; asserts nothing.
 *
 *   pnpm --filter @journey/runtime bench:durability
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { ManualClock } from '../src/clock';
import type { DatabaseSync } from '../src/db/client';
import { CLOCK_START, type EventBody, loadJourney, steadyEvent, triggerEvent } from './workload';

const CUSTOMERS = 2_000;
const ROUNDS = 6;
/** Per round and setting: requests of one event (a commit each), then batches of 100. */
const SINGLE_REQUESTS = 300;
const BATCHES = 20;
const BATCH_SIZE = 100;

async function start(directory: string, sync: DatabaseSync): Promise<FastifyInstance> {
  const app = await buildApp({
    databasePath: join(directory, `${sync}.db`),
    databaseSync: sync,
    clock: new ManualClock(CLOCK_START),
    pollIntervalMs: 0,
    auth: { enabled: false },
  });
  const journey = loadJourney();
  await post(app, '/v1/journeys', journey, 201);
  await post(app, `/v1/journeys/${journey.id}/publish`, {}, 201);
  for (let first = 0; first < CUSTOMERS; first += 500) {
    const events = Array.from({ length: Math.min(500, CUSTOMERS - first) }, (_, offset) =>
      triggerEvent(first + offset),
    );
    await postEvents(app, events);
  }
  return app;
}

async function post(app: FastifyInstance, url: string, payload: object, expected: number): Promise<void> {
  const response = await app.inject({ method: 'POST', url, payload });
  if (response.statusCode !== expected) throw new Error(`POST ${url}: ${response.statusCode} ${response.body}`);
}

const postEvents = (app: FastifyInstance, events: EventBody[]) => post(app, '/v1/events', { events }, 202);

interface Tally {
  singleEvents: number;
  singleSeconds: number;
  batchEvents: number;
  batchSeconds: number;
}

const directory = mkdtempSync(join(tmpdir(), 'journey-durability-'));
try {
  const settings: DatabaseSync[] = ['full', 'normal'];
  const apps = new Map<DatabaseSync, FastifyInstance>();
  for (const sync of settings) apps.set(sync, await start(directory, sync));
  const tallies = new Map<DatabaseSync, Tally>(
    settings.map((sync) => [sync, { singleEvents: 0, singleSeconds: 0, batchEvents: 0, batchSeconds: 0 }]),
  );
  let next = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // Both settings get the same events in each round; which goes first alternates.
    const order = round % 2 === 0 ? settings : [...settings].reverse();
    const roundStart = next;
    for (const sync of order) {
      const app = apps.get(sync)!;
      const tally = tallies.get(sync)!;
      let index = roundStart;
      let started = performance.now();
      for (let request = 0; request < SINGLE_REQUESTS; request++)
        await postEvents(app, [steadyEvent(index++, CUSTOMERS)]);
      tally.singleSeconds += (performance.now() - started) / 1000;
      tally.singleEvents += SINGLE_REQUESTS;
      started = performance.now();
      for (let batch = 0; batch < BATCHES; batch++) {
        await postEvents(
          app,
          Array.from({ length: BATCH_SIZE }, () => steadyEvent(index++, CUSTOMERS)),
        );
      }
      tally.batchSeconds += (performance.now() - started) / 1000;
      tally.batchEvents += BATCHES * BATCH_SIZE;
      next = index;
    }
  }
  for (const app of apps.values()) await app.close();

  const rate = (events: number, seconds: number) => Math.round(events / seconds);
  const full = tallies.get('full')!;
  const normal = tallies.get('normal')!;
  const figures = {
    database: 'temporary files, WAL, in-process inject (no HTTP), credit-card welcome journey',
    customers: CUSTOMERS,
    rounds: ROUNDS,
    oneEventPerRequest: {
      fullEventsPerSecond: rate(full.singleEvents, full.singleSeconds),
      normalEventsPerSecond: rate(normal.singleEvents, normal.singleSeconds),
      fullOverNormal: +(normal.singleSeconds / full.singleSeconds).toFixed(3),
    },
    batchesOf100: {
      fullEventsPerSecond: rate(full.batchEvents, full.batchSeconds),
      normalEventsPerSecond: rate(normal.batchEvents, normal.batchSeconds),
      fullOverNormal: +(normal.batchSeconds / full.batchSeconds).toFixed(3),
    },
  };
  console.log(JSON.stringify(figures, null, 2));
} finally {
  rmSync(directory, { recursive: true, force: true });
}
