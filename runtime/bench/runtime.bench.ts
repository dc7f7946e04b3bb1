/**
 * Runtime benchmark (issue 4, item 7): `pnpm --filter @journey/runtime bench` prints one JSON document.
 * Options: `-- --customers=N` (default 100000), `-- --profile` (adds V8 CPU profiles of the server per phase).
 *
 * How to read it (one run on one machine: compare figures within a run, not across machines):
 * - The runtime under test is a child process (bench/bench-server.ts: the app of src/server.ts on 127.0.0.1,
 *   manual clock, no request log, no background loop) on a temporary database file (WAL), so the durable
 *   path is measured. It runs the sample journey credit-card-welcome.
 * - `setup`: customers imported as NDJSON, then one `card_activated` per customer (each enters the journey:
 *   welcome push queued, waits at wait-first-spend with a 60-day timeout timer). `triggerEventsPerSecond`
 *   is the entry path's own rate.
 * - `b_http`: the steady state. Batches of 500 events on 4 keep-alive connections for 15 s after a warm-up,
 *   each reply a 202 after the commit. The mix (workload.ts) mixes, in every batch, spends that match or count,
 *   goal conversions and events the instance ignores; `mix` shows how many moved their instance.
 * - `a_ceiling`: the very events of (b), replayed in this process (one thread) against in-memory snapshots:
 *   `stepJourney` (the executor's call) and bare XState `transition()`. `stepJourneyWithJson` adds the
 *   executor's JSON parse + restoreSnapshot + stringify, i.e. the pure CPU work of the runtime minus HTTP+SQL.
 *   `reusedActorScope` is XState without the throw-away actor `transition()` builds on every call (see
 *   ceiling.ts): how much of the ceiling is XState's per-call setup rather than the journey's own work.
 *   `…PerCpuSecond` figures count CPU time instead of wall time, and so do not depend on what else the machine runs.
 * - `ratio` = b / a.stepJourney. The target is ≥ 0.5: HTTP, validation and the durable commit add
 *   at most as much time per event as XState itself. `ratioCpu` is the same on CPU time: the server's CPU time
 *   per event in (b) against this process's CPU time per event in (a); trust it when `machine.loadAverage` is high.
 * - `c_latency`: single events at 200/s for 10 s, open loop, latency from the scheduled send time to the 202.
 *   Target p99 < 20 ms.
 * - `d_timers`: the outbox is drained first (`outboxDrain`, messages/s of the dispatcher), then the manual clock
 *   jumps 59 days 4 hours, past the 60-day timeouts of the odd customers, whose events all happened a day earlier
 *   (workload.ts): half of all instances (`timersDue`). `timersFiredPerSecond` counts until no due timer is
 *   left. A timeout at wait-first-spend queues a push, one at the weekly habit ends the journey; the same
 *   due-work loop (POST /v1/admin/clock) dispatches the pushes interleaved: `dueWorkSeconds` until all is done.
 * - `e_memory`: the server's RSS (now and peak) holding all customers and instances; heap for comparison.
 * - `profile` (with --profile): top self-time functions and modules of the server per phase; the profiles are
 *   sampled, so a phase runs slower than without --profile and its figures are not comparable.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { type CeilingResult, type CeilingVariant, measureCeiling } from './ceiling';
import { batches, LoadClient } from './http-load';
import { type SelfTime, summarizeProfile } from './profile-summary';
import { ServerProcess } from './server-process';
import {
  CLOCK_START,
  customerFile,
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
const WARMUP_EVENTS = 20_000;
/** Entering customers is the runtime's slowest path; past this the run goes on with those who entered. */
const TRIGGER_MAX_SECONDS = 100;
const STEADY_SECONDS = 15;
const LATENCY_RATE = 200;
const LATENCY_SECONDS = 10;
/**
 * The ceiling replays every n-th customer, so that about CEILING_EVENTS of (b)'s events are timed; n is odd, so
 * prime to the mix's length (4) and the mix keeps its proportions.
 */
const CEILING_EVENTS = 10_000;
const ceilingStride = (steadyEvents: number) => 2 * Math.floor(steadyEvents / CEILING_EVENTS / 2) + 1;
const CEILING_REPETITIONS = 3;

const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
const megabytes = (bytes = 0) => round(bytes / 2 ** 20, 1);
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

/** Runs `phase` with the server's CPU profiler on when --profile is given; keeps the summary. */
async function profiled<Result>(
  server: ServerProcess,
  name: string,
  profiles: Record<string, { file: string; functions: SelfTime[]; modules: SelfTime[] }>,
  phase: () => Promise<Result>,
): Promise<Result> {
  if (!PROFILE) return phase();
  const file = join(tmpdir(), `journey-bench-${process.pid}-${name}.cpuprofile`);
  await server.send({ command: 'profileStart' });
  const result = await phase();
  await server.send({ command: 'profileStop', file });
  profiles[name] = { file, ...summarizeProfile(file, 20) };
  return result;
}

async function main(): Promise<void> {
  const runStarted = performance.now();
  const loadAtStart = round(loadavg()[0] ?? 0, 2);
  const directory = mkdtempSync(join(tmpdir(), 'journey-bench-'));
  const databasePath = join(directory, 'journey.db');
  // A throw-away admin key for this run's temporary database only.
  const adminKey = `jk_${randomBytes(32).toString('base64url')}`;
  const server = new ServerProcess(databasePath, CLOCK_START, adminKey);
  const profiles: Parameters<typeof profiled>[2] = {};
  let client: LoadClient | undefined;
  try {
    client = new LoadClient(await server.address, adminKey);
    const http = client;
    const journey = loadJourney();

    // Setup: benefit pools with ample budget, the journey, the customers, one trigger event each.
    for (const pool of ['welcome-coupons', 'weekly-bonus-coupon']) {
      await http.expect(201, 'POST', '/v1/benefit-pools', JSON.stringify({ id: pool, name: pool, budget: 1e9 }));
    }
    await http.expect(201, 'POST', '/v1/journeys', JSON.stringify(journey));
    await http.expect(201, 'POST', `/v1/journeys/${journey.id}/publish`, '{}');
    let started = performance.now();
    const imported = JSON.parse(
      await http.expect(
        200,
        'POST',
        '/v1/customers/import?idColumn=id',
        customerFile(CUSTOMERS),
        'application/x-ndjson',
      ),
    ) as { imported: number };
    const importSeconds = (performance.now() - started) / 1000;
    if (imported.imported !== CUSTOMERS) throw new Error(`import: ${JSON.stringify(imported).slice(0, 300)}`);
    log(`imported ${CUSTOMERS} customers in ${importSeconds.toFixed(1)} s; entering them into ${journey.id}`);

    // Entry is bounded in time: if it is cut short, the rest of the run uses the customers who entered.
    const triggers = batches(triggerEvent, 0, CUSTOMERS, BATCH_SIZE);
    const progress = setInterval(() => log(`trigger events sent: ${triggers.position()}/${CUSTOMERS}`), 10_000);
    const triggerDeadline = performance.now() + TRIGGER_MAX_SECONDS * 1000;
    const entry = await profiled(server, 'trigger', profiles, () =>
      http.postBatches(triggers, CONNECTIONS, triggerDeadline),
    ).finally(() => clearInterval(progress));
    const population = entry.events;
    if (population < CUSTOMERS) log(`entry cut short after ${TRIGGER_MAX_SECONDS} s: ${population} customers entered`);
    const usageLoaded = await server.send({ command: 'usage' });

    // (b) warm-up, then the steady state for STEADY_SECONDS (bounded so that no instance finishes).
    log('steady state');
    const warmupEvents = Math.min(WARMUP_EVENTS, population);
    const steadyLimit = MAX_ROUNDS * population - LATENCY_RATE * LATENCY_SECONDS;
    const event = (index: number) => steadyEvent(index, population);
    await http.postBatches(batches(event, 0, warmupEvents, BATCH_SIZE), CONNECTIONS);
    const steadySource = batches(event, warmupEvents, steadyLimit, BATCH_SIZE);
    const deadline = performance.now() + STEADY_SECONDS * 1000;
    const usageBefore = await server.send({ command: 'usage' });
    const steady = await profiled(server, 'steady', profiles, () =>
      http.postBatches(steadySource, CONNECTIONS, deadline),
    );
    const usageSteady = await server.send({ command: 'usage' });
    const steadyEnd = warmupEvents + steady.events;
    const serverCpuSeconds = ((usageSteady.cpuMicros ?? 0) - (usageBefore.cpuMicros ?? 0)) / 1e6;

    // (c) single events at a fixed rate, continuing the same stream.
    log('single events at a fixed rate');
    const paced = await profiled(server, 'single', profiles, () =>
      http.paced((sent) => event(steadyEnd + sent), LATENCY_RATE, LATENCY_RATE * LATENCY_SECONDS),
    );

    // (d) drain the outbox, then jump past every timer.
    log('timers');
    const reader = new BetterSqlite3(databasePath, { readonly: true });
    const count = (sql: string, ...params: number[]) => (reader.prepare(sql).get(...params) as { n: number }).n;
    const pendingMessages = count("SELECT COUNT(*) AS n FROM messages WHERE status = 'pending'");
    const advance = (to: number) =>
      http.expect(200, 'POST', '/v1/admin/clock', JSON.stringify({ to: new Date(to).toISOString() }));
    started = performance.now();
    await profiled(server, 'outbox', profiles, () => advance(CLOCK_START + 1_000));
    const drainSeconds = (performance.now() - started) / 1000;
    const target = TIMERS_TARGET;
    const dueSql = 'SELECT COUNT(*) AS n FROM timers WHERE due_at <= ?';
    const timersDue = count(dueSql, target);
    const messagesBefore = count('SELECT COUNT(*) AS n FROM messages');
    started = performance.now();
    let timersSeconds = 0;
    const watch = setInterval(() => {
      if (timersSeconds === 0 && count(dueSql, target) === 0) timersSeconds = (performance.now() - started) / 1000;
    }, 25);
    await profiled(server, 'timers', profiles, () => advance(target));
    const dueWorkSeconds = (performance.now() - started) / 1000;
    clearInterval(watch);
    if (timersSeconds === 0) timersSeconds = dueWorkSeconds;
    const timersLeft = count(dueSql, target);
    const messagesQueued = count('SELECT COUNT(*) AS n FROM messages') - messagesBefore;
    reader.close();
    const usage = await server.send({ command: 'usage' });
    await server.close();

    // (a) the ceiling on the events of (b), with the server stopped; variants interleaved, median of 3 runs each.
    log('transition ceiling');
    const variants = ['stepJourney', 'bareTransition', 'stepJourneyWithJson', 'reusedActorScope'] as const;
    const runs = new Map<CeilingVariant, CeilingResult[]>(variants.map((variant) => [variant, []]));
    for (let repetition = 0; repetition < CEILING_REPETITIONS; repetition++) {
      for (const variant of variants) {
        runs
          .get(variant)!
          .push(measureCeiling(journey, variant, population, warmupEvents, steadyEnd, ceilingStride(steady.events)));
      }
    }
    const median = (variant: CeilingVariant, figure: 'eventsPerSecond' | 'eventsPerCpuSecond') =>
      percentile(
        runs.get(variant)!.map((run) => run[figure]),
        0.5,
      );
    const viaStep = runs.get('stepJourney')![0]!;

    const eventsPerSecond = Math.round(steady.events / steady.seconds);
    const eventsPerServerCpuSecond = Math.round(steady.events / serverCpuSeconds);
    const ratio = round(eventsPerSecond / median('stepJourney', 'eventsPerSecond'), 3);
    const p99Ms = percentile(paced.latencies, 0.99);
    const result = {
      revision: gitRevision(),
      journey: journey.id,
      server: 'child process on 127.0.0.1 (bench/bench-server.ts = buildApp of src/server.ts, manual clock)',
      database: 'temporary file, WAL, synchronous=NORMAL',
      setup: {
        customers: CUSTOMERS,
        importSeconds: round(importSeconds, 1),
        customersImportedPerSecond: Math.round(CUSTOMERS / importSeconds),
        customersWithInstances: population,
        triggerSeconds: round(entry.seconds, 1),
        triggerEventsPerSecond: Math.round(entry.events / entry.seconds),
        ...(population < CUSTOMERS ? { triggerCutShortAfterSeconds: TRIGGER_MAX_SECONDS } : {}),
      },
      a_ceiling: {
        stepJourneyEventsPerSecond: median('stepJourney', 'eventsPerSecond'),
        bareTransitionEventsPerSecond: median('bareTransition', 'eventsPerSecond'),
        stepJourneyWithJsonEventsPerSecond: median('stepJourneyWithJson', 'eventsPerSecond'),
        reusedActorScopeEventsPerSecond: median('reusedActorScope', 'eventsPerSecond'),
        stepJourneyEventsPerCpuSecond: median('stepJourney', 'eventsPerCpuSecond'),
        eventsReplayed: viaStep.events,
        customerStride: ceilingStride(steady.events),
        runs: CEILING_REPETITIONS,
      },
      b_http: {
        eventsPerSecond,
        events: steady.events,
        seconds: round(steady.seconds, 1),
        batchSize: BATCH_SIZE,
        connections: CONNECTIONS,
        serverCpuSeconds: round(serverCpuSeconds, 1),
        eventsPerServerCpuSecond,
        mix: { movedInstance: viaStep.moved, ignoredByInstance: viaStep.ignored, ofReplayed: viaStep.events },
      },
      ratio,
      ratioVsBareTransition: round(eventsPerSecond / median('bareTransition', 'eventsPerSecond'), 3),
      ratioCpu: round(eventsPerServerCpuSecond / median('stepJourney', 'eventsPerCpuSecond'), 3),
      c_latency: {
        events: paced.latencies.length,
        ratePerSecond: LATENCY_RATE,
        achievedPerSecond: Math.round(paced.latencies.length / paced.seconds),
        p50Ms: percentile(paced.latencies, 0.5),
        p90Ms: percentile(paced.latencies, 0.9),
        p99Ms,
        maxMs: percentile(paced.latencies, 1),
      },
      d_timers: {
        outboxDrain: {
          messages: pendingMessages,
          seconds: round(drainSeconds, 1),
          messagesPerSecond: Math.round(pendingMessages / drainSeconds),
        },
        timersDue,
        timersLeft,
        timersSeconds: round(timersSeconds, 1),
        timersFiredPerSecond: timersSeconds > 0 ? Math.round((timersDue - timersLeft) / timersSeconds) : 0,
        messagesQueuedByTimers: messagesQueued,
        dueWorkSeconds: round(dueWorkSeconds, 1),
      },
      e_memory: {
        serverRssMbLoaded: megabytes(usageLoaded.rss),
        serverRssMbAfterSteadyState: megabytes(usageSteady.rss),
        serverRssMbEnd: megabytes(usage.rss),
        serverPeakRssMb: megabytes(usage.maxRss),
        serverHeapUsedMbEnd: megabytes(usage.heapUsed),
      },
      machine: {
        cpus: cpus().length,
        loadAverage1mAtStart: loadAtStart,
        loadAverage1mAtEnd: round(loadavg()[0] ?? 0, 2),
      },
      targets: { ratioAtLeastHalf: ratio >= 0.5, p99Below20Ms: p99Ms < 20 },
      ...(PROFILE ? { profile: profiles } : {}),
      totalSeconds: round((performance.now() - runStarted) / 1000),
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    client?.close();
    server.kill();
    rmSync(directory, { recursive: true, force: true });
  }
}

await main();
