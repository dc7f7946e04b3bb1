/**
 * Runtime benchmark (issue 4, item 7): `pnpm --filter @journey/runtime bench` prints one JSON document (progress
 * goes to stderr). Options after `--`: `--customers=N` (default 100000), `--profile` (CPU profiles of the server).
 *
 * How to read it. Compare figures within one run, not across machines or runs: this is a shared 2-core machine.
 * - The runtime under test is a child process (bench-server.ts: the app of src/server.ts on 127.0.0.1, auth on,
 *   manual clock, no request log, no background loop) on a temporary database file in WAL mode, so the durable
 *   path is what is measured. It runs the sample journey credit-card-welcome.
 * - `setup`: customers imported as NDJSON, then one `card_activated` per customer: each enters the journey (welcome
 *   push queued, a 60-day timeout at wait-first-spend). `triggerEventsPerSecond` is the entry path's rate.
 * - `b_http`: the steady state: batches of 500 events on 4 keep-alive connections for 15 s after a warm-up, each
 *   reply a 202 after the commit. Every batch mixes (workload.ts) spends that match or count, goal conversions and
 *   events the instance ignores; `mix` counts both kinds among the events the ceiling replayed.
 *   `eventsPerServerCpuSecond` divides by the server's CPU time instead of wall time.
 * - `a_ceiling`: the very events of (b), replayed in this process against in-memory snapshots (ceiling.ts):
 *   `stepJourney` (what the executor calls) and bare XState `transition()`; `stepJourneyWithJson` adds the
 *   executor's JSON parse, restoreSnapshot and stringify; `reusedActorScope` is XState without the throw-away
 *   actor `transition()` builds on every call, i.e. what a step could cost. `…PerCpuSecond`: on CPU time.
 * - `ratio` = b / a.stepJourney (target ≥ 0.5: HTTP, validation and the durable commit cost at most as much as
 *   XState). `ratioCpu` is the same on CPU time on both sides: trust it when `machine.loadAverage…` is high.
 * - `c_latency`: single events at 200/s for 10 s, open loop, from each scheduled send time to its 202
 *   (target p99 < 20 ms).
 * - `d_timers`: the outbox is drained first (`outboxDrain`), then the manual clock jumps 59 days 4 hours, past
 *   every 60-day timeout of the odd customers (their events all happened a day earlier, workload.ts): half of all
 *   instances. `timersFiredPerSecond` counts until no due timer is left. A timeout at wait-first-spend queues a
 *   push, one at the weekly habit ends the journey; the same due-work loop dispatches the pushes interleaved, and
 *   `dueWorkSeconds` runs until all is done.
 * - `e_memory`: the server's RSS with every customer and instance loaded, after (b), at the end, and its peak.
 * - `profile` (--profile only), per phase: the server's top functions and modules by self time, this repository's
 *   functions by inclusive time (profile-summary.ts), and the .cpuprofile file (Chrome DevTools opens it).
 *   Profiling slows the server down: take the figures from a run without it.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JourneyDocument } from '@journey/shared';
import BetterSqlite3 from 'better-sqlite3';
import { type CeilingResult, type CeilingVariant, measureCeiling } from './ceiling';
import { batches, LoadClient } from './http-load';
import { summarizeProfile } from './profile-summary';
import { ServerProcess } from './server-process';
import {
  CLOCK_START,
  customerFile,
  type EventBody,
  loadJourney,
  MAX_ROUNDS,
  steadyEvent,
  TIMERS_TARGET,
  triggerEvent,
} from './workload';

const args = process.argv.slice(2);
const CUSTOMERS = Number(args.find((arg) => arg.startsWith('--customers='))?.split('=')[1] ?? 100_000);
const PROFILE = args.includes('--profile');
const BATCH_SIZE = 500;
const CONNECTIONS = 4;
/** Entering customers is the slowest path; past this the run goes on with the customers who entered. */
const TRIGGER_MAX_SECONDS = 100;
const WARMUP_EVENTS = 20_000;
const STEADY_SECONDS = 15;
const LATENCY_RATE = 200;
const LATENCY_SECONDS = 10;
/** About this many of (b)'s events are timed per ceiling run: every n-th customer, n odd (prime to the mix's 4). */
const CEILING_EVENTS = 10_000;
const CEILING_RUNS = 3;
const CEILING_VARIANTS: readonly CeilingVariant[] = [
  'stepJourney',
  'bareTransition',
  'stepJourneyWithJson',
  'reusedActorScope',
];

const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
const megabytes = (bytes = 0) => round(bytes / 2 ** 20, 1);
const perSecond = (count: number, seconds: number) => (seconds > 0 ? Math.round(count / seconds) : 0);
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? 0, 2);
}

function gitRevision(): string {
  try {
    const revision = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: 'pipe' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', '.'], { encoding: 'utf8', stdio: 'pipe' });
    return dirty.trim() ? `${revision} + uncommitted changes` : revision;
  } catch {
    return 'unknown';
  }
}

type ProfileSummaries = Record<string, { file: string } & ReturnType<typeof summarizeProfile>>;

/** One run: the server, the client and what the phases hand to each other. */
class Run {
  readonly profiles: ProfileSummaries = {};

  constructor(
    readonly server: ServerProcess,
    readonly http: LoadClient,
    readonly databasePath: string,
  ) {}

  /** Runs `phase` with the server's CPU profiler on when --profile is given, and keeps the summary. */
  async profiled<Result>(name: string, phase: () => Promise<Result>): Promise<Result> {
    if (!PROFILE) return phase();
    const file = join(tmpdir(), `journey-bench-${process.pid}-${name}.cpuprofile`);
    await this.server.send({ command: 'profileStart' });
    const result = await phase();
    await this.server.send({ command: 'profileStop', file });
    this.profiles[name] = { file, ...summarizeProfile(file, 20) };
    return result;
  }

  /** Pools with ample budget, the journey, the customers (NDJSON import), then one trigger event each. */
  async setUp(journey: JourneyDocument) {
    const { http } = this;
    for (const pool of ['welcome-coupons', 'weekly-bonus-coupon']) {
      await http.expect(201, 'POST', '/v1/benefit-pools', JSON.stringify({ id: pool, name: pool, budget: 1e9 }));
    }
    await http.expect(201, 'POST', '/v1/journeys', JSON.stringify(journey));
    await http.expect(201, 'POST', `/v1/journeys/${journey.id}/publish`, '{}');

    const started = performance.now();
    const file = customerFile(CUSTOMERS);
    const reply = await http.expect(200, 'POST', '/v1/customers/import?idColumn=id', file, 'application/x-ndjson');
    const importSeconds = (performance.now() - started) / 1000;
    const { imported } = JSON.parse(reply) as { imported: number };
    if (imported !== CUSTOMERS)
      throw new Error(`imported ${imported} of ${CUSTOMERS} customers: ${reply.slice(0, 300)}`);
    log(`imported ${CUSTOMERS} customers in ${importSeconds.toFixed(1)} s; entering them into ${journey.id}`);

    const triggers = batches(triggerEvent, 0, CUSTOMERS, BATCH_SIZE);
    const progress = setInterval(() => log(`trigger events sent: ${triggers.position()}/${CUSTOMERS}`), 10_000);
    const deadline = performance.now() + TRIGGER_MAX_SECONDS * 1000;
    const entry = await this.profiled('trigger', () => http.postBatches(triggers, CONNECTIONS, deadline)).finally(() =>
      clearInterval(progress),
    );
    if (entry.events < CUSTOMERS) log(`entry cut short after ${TRIGGER_MAX_SECONDS} s: ${entry.events} entered`);
    return {
      customers: CUSTOMERS,
      importSeconds: round(importSeconds, 1),
      customersImportedPerSecond: perSecond(CUSTOMERS, importSeconds),
      /** Customers with an instance: the ones the rest of the run sends events for. */
      customersWithInstances: entry.events,
      triggerSeconds: round(entry.seconds, 1),
      triggerEventsPerSecond: perSecond(entry.events, entry.seconds),
      ...(entry.events < CUSTOMERS ? { triggerCutShortAfterSeconds: TRIGGER_MAX_SECONDS } : {}),
    };
  }

  /** (b) A warm-up, then batches for STEADY_SECONDS, bounded so that no instance finishes its journey. */
  async steadyState(event: (index: number) => EventBody, population: number) {
    const warmupEvents = Math.min(WARMUP_EVENTS, population);
    const limit = MAX_ROUNDS * population - LATENCY_RATE * LATENCY_SECONDS;
    await this.http.postBatches(batches(event, 0, warmupEvents, BATCH_SIZE), CONNECTIONS);
    const source = batches(event, warmupEvents, limit, BATCH_SIZE);
    const before = await this.server.send({ command: 'usage' });
    const deadline = performance.now() + STEADY_SECONDS * 1000;
    const sent = await this.profiled('steady', () => this.http.postBatches(source, CONNECTIONS, deadline));
    const after = await this.server.send({ command: 'usage' });
    const serverCpuSeconds = ((after.cpuMicros ?? 0) - (before.cpuMicros ?? 0)) / 1e6;
    return { ...sent, warmupEvents, end: warmupEvents + sent.events, serverCpuSeconds, usage: after };
  }

  /** (c) Single events at LATENCY_RATE, open loop. */
  async latency(event: (sent: number) => EventBody) {
    const total = LATENCY_RATE * LATENCY_SECONDS;
    const { latencies, seconds } = await this.profiled('single', () => this.http.paced(event, LATENCY_RATE, total));
    return {
      events: latencies.length,
      ratePerSecond: LATENCY_RATE,
      achievedPerSecond: perSecond(latencies.length, seconds),
      p50Ms: percentile(latencies, 0.5),
      p90Ms: percentile(latencies, 0.9),
      p99Ms: percentile(latencies, 0.99),
      maxMs: percentile(latencies, 1),
    };
  }

  /** (d) Drains the outbox, then moves the manual clock past half of the timers; counts from the database file. */
  async timers() {
    const reader = new BetterSqlite3(this.databasePath, { readonly: true });
    const count = (sql: string, ...params: number[]) => (reader.prepare(sql).get(...params) as { n: number }).n;
    const advance = (to: number) =>
      this.http.expect(200, 'POST', '/v1/admin/clock', JSON.stringify({ to: new Date(to).toISOString() }));
    try {
      const pending = count("SELECT COUNT(*) AS n FROM messages WHERE status = 'pending'");
      let started = performance.now();
      await this.profiled('outbox', () => advance(CLOCK_START + 1_000));
      const drainSeconds = (performance.now() - started) / 1000;

      const dueSql = 'SELECT COUNT(*) AS n FROM timers WHERE due_at <= ?';
      const due = count(dueSql, TIMERS_TARGET);
      const messagesBefore = count('SELECT COUNT(*) AS n FROM messages');
      started = performance.now();
      // The timers are done when none is due any more; the request returns once their pushes are sent too.
      let timersSeconds = 0;
      const watch = setInterval(() => {
        if (timersSeconds === 0 && count(dueSql, TIMERS_TARGET) === 0) {
          timersSeconds = (performance.now() - started) / 1000;
        }
      }, 25);
      await this.profiled('timers', () => advance(TIMERS_TARGET)).finally(() => clearInterval(watch));
      const dueWorkSeconds = (performance.now() - started) / 1000;
      if (timersSeconds === 0) timersSeconds = dueWorkSeconds;
      const left = count(dueSql, TIMERS_TARGET);
      return {
        outboxDrain: {
          messages: pending,
          seconds: round(drainSeconds, 1),
          messagesPerSecond: perSecond(pending, drainSeconds),
        },
        timersDue: due,
        timersLeft: left,
        timersSeconds: round(timersSeconds, 1),
        timersFiredPerSecond: perSecond(due - left, timersSeconds),
        messagesQueuedByTimers: count('SELECT COUNT(*) AS n FROM messages') - messagesBefore,
        dueWorkSeconds: round(dueWorkSeconds, 1),
      };
    } finally {
      reader.close();
    }
  }
}

/** (a) Every ceiling variant on (b)'s events, interleaved, CEILING_RUNS times; medians. */
function ceiling(journey: JourneyDocument, population: number, steady: { warmupEvents: number; end: number }) {
  const stride = 2 * Math.floor((steady.end - steady.warmupEvents) / CEILING_EVENTS / 2) + 1;
  const runs = new Map<CeilingVariant, CeilingResult[]>(CEILING_VARIANTS.map((variant) => [variant, []]));
  for (let run = 0; run < CEILING_RUNS; run++) {
    for (const variant of CEILING_VARIANTS) {
      runs.get(variant)!.push(measureCeiling(journey, variant, population, steady.warmupEvents, steady.end, stride));
    }
  }
  const median = (variant: CeilingVariant, figure: 'eventsPerSecond' | 'eventsPerCpuSecond') =>
    percentile(
      runs.get(variant)!.map((result) => result[figure]),
      0.5,
    );
  const first = runs.get('stepJourney')![0]!;
  return {
    stepJourneyEventsPerSecond: median('stepJourney', 'eventsPerSecond'),
    bareTransitionEventsPerSecond: median('bareTransition', 'eventsPerSecond'),
    stepJourneyWithJsonEventsPerSecond: median('stepJourneyWithJson', 'eventsPerSecond'),
    reusedActorScopeEventsPerSecond: median('reusedActorScope', 'eventsPerSecond'),
    stepJourneyEventsPerCpuSecond: median('stepJourney', 'eventsPerCpuSecond'),
    bareTransitionEventsPerCpuSecond: median('bareTransition', 'eventsPerCpuSecond'),
    eventsReplayed: first.events,
    customerStride: stride,
    runs: CEILING_RUNS,
    mix: { movedInstance: first.moved, ignoredByInstance: first.ignored },
  };
}

async function main(): Promise<void> {
  const runStarted = performance.now();
  const loadAtStart = round(loadavg()[0] ?? 0, 2);
  const directory = mkdtempSync(join(tmpdir(), 'journey-bench-'));
  const databasePath = join(directory, 'journey.db');
  // A throw-away admin key for this run's temporary database only.
  const adminKey = `jk_${randomBytes(32).toString('base64url')}`;
  const server = new ServerProcess(databasePath, CLOCK_START, adminKey);
  let http: LoadClient | undefined;
  try {
    http = new LoadClient(await server.address, adminKey);
    const run = new Run(server, http, databasePath);
    const journey = loadJourney();

    const setup = await run.setUp(journey);
    const population = setup.customersWithInstances;
    const loaded = await server.send({ command: 'usage' });
    const event = (index: number) => steadyEvent(index, population);
    log('steady state');
    const steady = await run.steadyState(event, population);
    log('single events at a fixed rate');
    const latency = await run.latency((sent) => event(steady.end + sent));
    log('timers');
    const timers = await run.timers();
    const end = await server.send({ command: 'usage' });
    await server.close();
    // With the server stopped, so that the replay has a core to itself.
    log('transition ceiling');
    const { mix, ...a } = ceiling(journey, population, steady);

    const eventsPerSecond = perSecond(steady.events, steady.seconds);
    const eventsPerServerCpuSecond = perSecond(steady.events, steady.serverCpuSeconds);
    const ratio = round(eventsPerSecond / a.stepJourneyEventsPerSecond, 3);
    const result = {
      revision: gitRevision(),
      journey: journey.id,
      server: 'child process on 127.0.0.1 (bench-server.ts: buildApp of src/server.ts, auth on, manual clock)',
      database: 'temporary file, WAL, synchronous=FULL (the default)',
      setup,
      a_ceiling: a,
      b_http: {
        eventsPerSecond,
        events: steady.events,
        seconds: round(steady.seconds, 1),
        batchSize: BATCH_SIZE,
        connections: CONNECTIONS,
        serverCpuSeconds: round(steady.serverCpuSeconds, 1),
        eventsPerServerCpuSecond,
        mix,
      },
      ratio,
      ratioVsBareTransition: round(eventsPerSecond / a.bareTransitionEventsPerSecond, 3),
      ratioCpu: round(eventsPerServerCpuSecond / a.stepJourneyEventsPerCpuSecond, 3),
      c_latency: latency,
      d_timers: timers,
      e_memory: {
        serverRssMbLoaded: megabytes(loaded.rss),
        serverRssMbAfterSteadyState: megabytes(steady.usage.rss),
        serverRssMbEnd: megabytes(end.rss),
        serverPeakRssMb: megabytes(end.maxRss),
        serverHeapUsedMbEnd: megabytes(end.heapUsed),
      },
      machine: {
        cpus: cpus().length,
        loadAverage1mAtStart: loadAtStart,
        loadAverage1mAtEnd: round(loadavg()[0] ?? 0, 2),
      },
      targets: { ratioAtLeastHalf: ratio >= 0.5, p99Below20Ms: latency.p99Ms < 20 },
      ...(PROFILE ? { profile: run.profiles } : {}),
      totalSeconds: round((performance.now() - runStarted) / 1000),
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    http?.close();
    server.kill();
    rmSync(directory, { recursive: true, force: true });
  }
}

await main();
