/**
 * The runtime under test, as a child process of runtime.bench.ts: the same `buildApp` as src/server.ts,
 * listening on 127.0.0.1 (random port), on the database file and manual-clock start time it is given.
 * Differences from src/server.ts: no request logging and no background timer/outbox loop (timers and messages
 * run only when the bench advances the clock), so each phase measures one kind of work.
 * The parent controls it over IPC: memory and CPU figures, CPU profiling of one phase, shutdown.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { buildApp } from '../src/app';
import { ManualClock } from '../src/clock';
import type { ControlReply, ControlRequest } from './protocol';

const databasePath = process.env.BENCH_DB;
const clockStart = Number(process.env.BENCH_CLOCK_START);
const adminKey = process.env.BENCH_ADMIN_KEY;
if (!databasePath || !Number.isFinite(clockStart) || !adminKey || !process.send) {
  console.error('bench-server is started by server-process.ts (BENCH_DB, BENCH_CLOCK_START, BENCH_ADMIN_KEY, IPC)');
  process.exit(1);
}

// Authentication is on, as in production: the benches send this run's throw-away admin key (REST and socket.io).
const app = await buildApp({
  databasePath,
  clock: new ManualClock(clockStart),
  pollIntervalMs: 0,
  auth: { adminKey },
});
const address = await app.listen({ host: '127.0.0.1', port: 0 });
let profiler: Session | undefined;

function reply(message: ControlReply): void {
  process.send?.(message);
}

async function handle(request: ControlRequest): Promise<ControlReply> {
  switch (request.command) {
    case 'usage': {
      const { rss, heapUsed } = process.memoryUsage();
      const { user, system } = process.cpuUsage();
      // maxRSS is in kilobytes.
      return { id: request.id, rss, heapUsed, maxRss: process.resourceUsage().maxRSS * 1024, cpuMicros: user + system };
    }
    case 'profileStart':
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
      return { id: request.id };
    case 'profileStop': {
      if (!profiler) throw new Error('no profile running');
      const { profile } = await profiler.post('Profiler.stop');
      profiler.disconnect();
      profiler = undefined;
      writeFileSync(request.file, JSON.stringify(profile));
      return { id: request.id };
    }
    case 'close':
      await app.close();
      return { id: request.id };
  }
}

process.on('message', (request: ControlRequest) => {
  handle(request).then(
    (message) => {
      reply(message);
      if (request.command === 'close') process.disconnect();
    },
    (error: unknown) => reply({ id: request.id, error: String(error) }),
  );
});

reply({ id: 0, address });
