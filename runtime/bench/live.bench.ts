/**
 * Live metrics under load (issue 5): `pnpm --filter @journey/runtime bench:live`.
 *
 * Three processes on 127.0.0.1: the runtime (bench-server.ts, database file on disk), WATCHERS socket.io
 * clients (live-watchers.ts, connected throughout, at the lowest CPU priority: they stand in for browsers on
 * other machines) and this one, which sends events on one keep-alive
 * connection in batches of 80 sign-ups (each enters a 50/50 split journey) and 20 purchases (conversions),
 * so commits are ordered. ROUNDS times, a `quiet` phase (watchers connected but not subscribed) then a
 * `watched` phase (every watcher subscribed, folding each delta into its snapshot), PHASE_SECONDS each:
 * alternating keeps the growing database and other load on a shared machine from favouring either side.
 * Printed as JSON:
 * - `eventsPerSecond` both ways and `dropPercent` (target: under 10);
 * - `serverCpuMsPer1000Events` both ways: what watching costs the server itself, whatever the other
 *   processes on the machine take from it;
 * - `deltaLatencyMs`: from the 202 of a batch (its commit) to a probe client in this process receiving the
 *   delta that includes it (0 when the delta beat the HTTP reply). The probe subscribes after the watchers, so
 *   the server writes to it last; deltas are coalesced for 250 ms, so about half of that is the expected median;
 * - `watchersAgree`: after each watched phase every watcher's folded counts equal GET /v1/journeys/:id/metrics.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyMetricsDelta,
  type ClientToServerEvents,
  type JourneyMetrics,
  LIVE_NAMESPACE,
  type ServerToClientEvents,
} from '@journey/shared';
import { io, type Socket } from 'socket.io-client';
import { LoadClient } from './http-load';
import type { WatcherReply, WatcherRequest } from './live-ipc';
import { ServerProcess } from './server-process';
import { CLOCK_START, type EventBody } from './workload';

const WATCHERS = 200;
const ROUNDS = 3;
const PHASE_SECONDS = 5;
const MAX_BATCHES_PER_PHASE = 5_000;
const SIGNUPS_PER_BATCH = 80;
const PURCHASES_PER_BATCH = 20;
const JOURNEY_ID = 'live-bench';
const API_KEY = 'live-bench-admin-key';

const journey = {
  schemaVersion: 1,
  id: JOURNEY_ID,
  name: 'Live bench: 50/50 offer test',
  settings: { reentry: 'never', timezone: 'Asia/Shanghai', goal: { event: 'purchase', exitOnGoal: true } },
  nodes: [
    { id: 'signup', type: 'trigger', position: { x: 0, y: 0 }, config: { kind: 'event', event: 'signup' } },
    {
      id: 'offer',
      type: 'split',
      position: { x: 240, y: 0 },
      config: {
        variants: [
          { id: 'A', weight: 50, control: true },
          { id: 'B', weight: 50 },
        ],
      },
    },
    { id: 'wait-a', type: 'wait', position: { x: 480, y: -100 }, config: { duration: 'P14D' } },
    { id: 'wait-b', type: 'wait', position: { x: 480, y: 100 }, config: { duration: 'P14D' } },
    { id: 'done', type: 'exit', position: { x: 720, y: 0 }, config: {} },
  ],
  edges: [
    { id: 'e1', source: 'signup', sourceHandle: 'next', target: 'offer' },
    { id: 'e2', source: 'offer', sourceHandle: 'A', target: 'wait-a' },
    { id: 'e3', source: 'offer', sourceHandle: 'B', target: 'wait-b' },
    { id: 'e4', source: 'wait-a', sourceHandle: 'next', target: 'done' },
    { id: 'e5', source: 'wait-b', sourceHandle: 'next', target: 'done' },
  ],
};

/** Batch n: sign-ups of new customers, and purchases by customers of the batch before. */
function batch(n: number): EventBody[] {
  const signups = Array.from({ length: SIGNUPS_PER_BATCH }, (_, index) => {
    const customerId = `b${n}-${index}`;
    return { eventId: `signup-${customerId}`, customerId, type: 'signup' };
  });
  const purchases =
    n === 0
      ? []
      : Array.from({ length: PURCHASES_PER_BATCH }, (_, index) => {
          const customerId = `b${n - 1}-${index * 3}`;
          return { eventId: `purchase-${customerId}`, customerId, type: 'purchase' };
        });
  return [...signups, ...purchases];
}

/** The watcher process and its requests. */
function startWatchers(address: string) {
  const child = fork(fileURLToPath(new URL('./live-watchers.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      LIVE_URL: address,
      LIVE_TOKEN: API_KEY,
      LIVE_JOURNEY: JOURNEY_ID,
      LIVE_WATCHERS: String(WATCHERS),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // The watchers stand in for browsers on other machines: on this one they should not take the server's CPU.
  if (child.pid !== undefined) setPriority(child.pid, 19);
  const next = <Kind extends WatcherReply['kind']>(kind: Kind) =>
    new Promise<Extract<WatcherReply, { kind: Kind }>>((resolve, reject) => {
      child.once('message', (reply: WatcherReply) => {
        if (reply.kind === kind) resolve(reply as Extract<WatcherReply, { kind: Kind }>);
        else reject(new Error(reply.kind === 'failed' ? reply.error : `expected ${kind}, got ${reply.kind}`));
      });
    });
  const ask = (request: WatcherRequest) => child.send(request);
  /** Sends a request and waits for its reply. */
  const command = <Kind extends WatcherReply['kind']>(request: WatcherRequest, kind: Kind) => {
    const reply = next(kind);
    ask(request);
    return reply;
  };
  return { child, next, ask, command };
}

/**
 * One more watcher, in this process, that notes when each batch's sign-ups first reach it: a batch's sign-ups
 * commit together, so the journey's `entered` counter tells which batches a delta holds.
 */
class LatencyProbe {
  readonly seenAt = new Map<number, number>();
  readonly #socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  #metrics: JourneyMetrics | undefined;
  /** Batches counted in what the probe has seen so far. */
  #counted = 0;

  constructor(address: string) {
    this.#socket = io(`${address}${LIVE_NAMESPACE}`, { transports: ['websocket'], auth: { token: API_KEY } });
    this.#socket.on('metrics:snapshot', (snapshot) => {
      this.#metrics = snapshot;
      this.#counted = Math.floor(snapshot.entered / SIGNUPS_PER_BATCH);
    });
    this.#socket.on('metrics:delta', (delta) => {
      if (!this.#metrics) return;
      this.#metrics = applyMetricsDelta(this.#metrics, delta);
      const now = performance.now();
      const counted = Math.floor(this.#metrics.entered / SIGNUPS_PER_BATCH);
      for (; this.#counted < counted; this.#counted++) this.seenAt.set(this.#counted, now);
    });
  }

  async request(command: 'subscribe' | 'unsubscribe'): Promise<void> {
    const reply = await this.#socket.emitWithAck(command, { journeyId: JOURNEY_ID });
    if (!reply.ok) throw new Error(`probe ${command}: ${reply.error}`);
  }

  close(): void {
    this.#socket.disconnect();
  }
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

const directory = mkdtempSync(join(tmpdir(), 'journey-live-bench-'));
const server = new ServerProcess(join(directory, 'journey.db'), CLOCK_START, API_KEY);
let watchers: ReturnType<typeof startWatchers> | undefined;
try {
  const address = await server.address;
  const client = new LoadClient(address, API_KEY);
  await client.expect(201, 'POST', '/v1/journeys', JSON.stringify(journey));
  await client.expect(201, 'POST', `/v1/journeys/${JOURNEY_ID}/publish`, '{}');

  let nextBatch = 0;
  /** Batch number → when its 202 came (the commit acknowledged). */
  const ackedAt = new Map<number, number>();
  const watchedBatches: number[] = [];
  const serverCpuMicros = async () => (await server.send({ command: 'usage' })).cpuMicros ?? 0;
  const totals = {
    quiet: { events: 0, seconds: 0, cpuMs: 0 },
    watched: { events: 0, seconds: 0, cpuMs: 0 },
  };
  /** Sends batches back to back for PHASE_SECONDS. */
  async function phase(kind?: keyof typeof totals): Promise<void> {
    const cpuBefore = await serverCpuMicros();
    const started = performance.now();
    const deadline = started + PHASE_SECONDS * 1000;
    let events = 0;
    for (let sent = 0; sent < MAX_BATCHES_PER_PHASE && performance.now() < deadline; sent++) {
      const n = nextBatch++;
      const body = batch(n);
      await client.postEvents(body);
      ackedAt.set(n, performance.now());
      if (kind === 'watched') watchedBatches.push(n);
      events += body.length;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuMs = ((await serverCpuMicros()) - cpuBefore) / 1000;
    if (!kind) return;
    totals[kind].events += events;
    totals[kind].seconds += seconds;
    totals[kind].cpuMs += cpuMs;
  }

  watchers = startWatchers(address);
  await watchers.next('done');
  const probe = new LatencyProbe(address);
  await phase(); // warm-up: JIT, SQLite page cache, WAL
  let agree = true;
  for (let pass = 0; pass < ROUNDS; pass++) {
    await phase('quiet');
    await watchers.command({ command: 'subscribe' }, 'done');
    await probe.request('subscribe');
    await phase('watched');
    // Let the last delta arrive, then compare every watcher with the REST snapshot.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const rest = JSON.parse(await client.expect(200, 'GET', `/v1/journeys/${JOURNEY_ID}/metrics`)) as JourneyMetrics;
    agree &&= (await watchers.command({ command: 'report', rest }, 'report')).agree;
    await watchers.command({ command: 'unsubscribe' }, 'done');
    await probe.request('unsubscribe');
  }
  client.close();
  probe.close();

  const latencies: number[] = [];
  for (const n of watchedBatches) {
    const seen = probe.seenAt.get(n);
    const acked = ackedAt.get(n);
    if (seen !== undefined && acked !== undefined) latencies.push(Math.max(0, seen - acked));
  }
  latencies.sort((a, b) => a - b);
  const figures = ({ events, seconds, cpuMs }: (typeof totals)['quiet']) => ({
    eventsPerSecond: Math.round(events / seconds),
    serverCpuMsPer1000Events: round((cpuMs / events) * 1000),
  });
  const quiet = figures(totals.quiet);
  const watched = figures(totals.watched);
  console.log(
    JSON.stringify(
      {
        watchers: WATCHERS,
        eventsPerBatch: SIGNUPS_PER_BATCH + PURCHASES_PER_BATCH,
        rounds: ROUNDS,
        phaseSeconds: PHASE_SECONDS,
        quiet,
        watched,
        dropPercent: round(((quiet.eventsPerSecond - watched.eventsPerSecond) / quiet.eventsPerSecond) * 100),
        serverCpuIncreasePercent: round(
          ((watched.serverCpuMsPer1000Events - quiet.serverCpuMsPer1000Events) / quiet.serverCpuMsPer1000Events) * 100,
        ),
        deltaLatencyMs: {
          samples: latencies.length,
          p50: round(percentile(latencies, 50)),
          p99: round(percentile(latencies, 99)),
          max: round(latencies.at(-1) ?? 0),
        },
        watchersAgree: agree,
      },
      null,
      2,
    ),
  );
  const watchersGone = new Promise((resolve) => watchers?.child.once('exit', resolve));
  watchers.ask({ command: 'close' });
  await watchersGone;
} finally {
  if (watchers && watchers.child.exitCode === null) watchers.child.kill('SIGKILL');
  await server.close().catch(() => server.kill());
  rmSync(directory, { recursive: true, force: true });
}
