import { describe, expect, it } from 'vitest';
import { closedPortUrl, type RecordedRequest, startFakeRuntime } from '../test/fake-runtime';
import { RuntimeApi } from './api';
import {
  createProgressDisplay,
  formatProgress,
  type Progress,
  parseSimulateArgs,
  runSimulation,
  type SimulateOptions,
} from './simulate';
import { createTraffic, type TrafficEvent } from './traffic';

function options(argv: string[]): SimulateOptions {
  const parsed = parseSimulateArgs(argv);
  if (parsed.help) throw new Error('expected options, got --help');
  return parsed.options;
}

const eventsIn = (requests: RecordedRequest[]): TrafficEvent[] =>
  requests
    .filter((request) => request.url === '/v1/events')
    .flatMap((request) => (JSON.parse(request.body) as { events: TrafficEvent[] }).events);

describe('parseSimulateArgs', () => {
  it('reads every flag, after the "--" pnpm passes through', () => {
    const argv = '-- --url http://127.0.0.1:3000 --customers 1000 --rate 50 --duration 60 --seed 42'.split(' ');
    expect(options(argv)).toEqual({
      url: 'http://127.0.0.1:3000',
      customers: 1000,
      rate: 50,
      duration: 60,
      seed: 42,
      profiles: false,
    });
    expect(options(['--events=500', '--rate', '2.5', '--profiles'])).toMatchObject({
      events: 500,
      rate: 2.5,
      profiles: true,
    });
  });

  it('has defaults that run until stopped', () => {
    expect(options([])).toEqual({ url: 'http://127.0.0.1:3000', customers: 1000, rate: 50, seed: 42, profiles: false });
    expect(parseSimulateArgs(['-h'])).toEqual({ help: true });
  });

  it.each([
    [['--rate', 'fast'], '--rate must be a number from 0.1 to 10000 events per second (got "fast")'],
    [['--rate', '0'], '--rate must be a number'],
    [['--rate', '20000'], '--rate must be a number'],
    [['--customers', '1.5'], '--customers must be a whole number from 1 to 10000000 (got "1.5")'],
    [['--customers', '0'], '--customers must be a whole number'],
    [['--seed', '-1'], '--seed must be a whole number from 0 to 4294967295'],
    [['--events', ''], '--events must be a whole number'],
    [['--duration', 'soon'], '--duration must be a number from 0.1 to 604800 seconds'],
    [['--url', 'localhost:3000'], '--url must be an http:// or https:// URL (got "localhost:3000")'],
    [['--rate'], '--rate needs a value'],
    [['--profiles=yes'], '--profiles takes no value'],
    [['--speed', '5'], 'unknown flag --speed'],
    [['now'], 'unexpected argument "now"'],
  ])('refuses %j, naming the flag', (argv, message) => {
    expect(() => parseSimulateArgs(argv)).toThrow(message);
  });
});

describe('runSimulation', () => {
  it('sends the seeded traffic in batches per tick and stops after --events', async () => {
    const runtime = await startFakeRuntime();
    const progress = await runSimulation(
      new RuntimeApi(runtime.url),
      { customers: 20, rate: 100, seed: 9, events: 50 },
      { tickMs: 20 },
    );
    expect(progress).toMatchObject({ sent: 50, accepted: 50, duplicates: 0, errors: 0 });
    expect(eventsIn(runtime.requests)).toEqual(createTraffic({ seed: 9, customers: 20 }).next(50));
    // Half a second of traffic goes out in several small batches, not at once.
    expect(runtime.requests.length).toBeGreaterThan(1);
  });

  it('sends rate × duration events, then stops', async () => {
    const runtime = await startFakeRuntime();
    const started = performance.now();
    const progress = await runSimulation(new RuntimeApi(runtime.url), {
      customers: 5,
      rate: 200,
      seed: 1,
      duration: 0.5,
    });
    expect(progress.sent).toBe(100);
    expect(performance.now() - started).toBeGreaterThanOrEqual(490);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('counts duplicates and failed requests, and goes on after an HTTP error', async () => {
    let call = 0;
    const runtime = await startFakeRuntime((request) => {
      const events = (JSON.parse(request.body) as { events: unknown[] }).events.length;
      call += 1;
      if (call === 1) return { status: 500, json: { message: 'database is locked' } };
      return { status: 202, json: { accepted: events - 1, duplicates: 1 } };
    });
    const progress = await runSimulation(
      new RuntimeApi(runtime.url),
      { customers: 5, rate: 1_000, seed: 2, events: 100 },
      { tickMs: 10 },
    );
    const first = (JSON.parse(runtime.requests[0]?.body ?? '{}') as { events: unknown[] }).events.length;
    expect(progress).toMatchObject({ sent: 100, errors: first, duplicates: runtime.requests.length - 1 });
    expect(progress.accepted + progress.duplicates + progress.errors).toBe(100);
    expect(progress.lastError).toContain('POST /v1/events answered 500: {"message":"database is locked"}');
  });

  it('gives up with a clear reason when the runtime stops answering', async () => {
    const progress = await runSimulation(
      new RuntimeApi(await closedPortUrl()),
      { customers: 5, rate: 1_000, seed: 3, duration: 10 },
      { tickMs: 10 },
    );
    expect(progress.accepted).toBe(0);
    expect(progress.gaveUp).toMatch(/^5 requests in a row failed: Cannot reach the runtime at .* \(ECONNREFUSED\)/);
    expect(progress.elapsedMs).toBeLessThan(5_000);
  });

  it('gives up at once when the runtime refuses the credentials', async () => {
    const runtime = await startFakeRuntime(() => ({ status: 401, json: { message: 'Authentication required' } }));
    const progress = await runSimulation(
      new RuntimeApi(runtime.url, 'wrong-key'),
      { customers: 5, rate: 1_000, seed: 3, duration: 10 },
      { tickMs: 10 },
    );
    expect(runtime.requests).toHaveLength(1);
    expect(runtime.requests[0]?.headers.authorization).toBe('Bearer wrong-key');
    expect(progress.gaveUp).toContain('answered 401: {"message":"Authentication required"} (set JOURNEY_API_KEY');
  });

  it('stops cleanly when aborted', async () => {
    const runtime = await startFakeRuntime();
    const controller = new AbortController();
    const progress = await runSimulation(
      new RuntimeApi(runtime.url),
      { customers: 5, rate: 100, seed: 4 },
      { signal: controller.signal, tickMs: 20, onProgress: ({ sent }) => sent > 0 && controller.abort() },
    );
    expect(progress.sent).toBeGreaterThan(0);
    expect(progress.sent).toBe(progress.accepted);
    expect(progress.elapsedMs).toBeLessThan(5_000);
  });
});

describe('progress display', () => {
  const progress: Progress = { sent: 12_345, accepted: 12_000, duplicates: 300, errors: 45, elapsedMs: 4_000 };

  function capture(isTTY: boolean) {
    const writes: string[] = [];
    const stream = { isTTY, write: (text: string) => writes.push(text) };
    return { writes, display: createProgressDisplay(stream, { intervalMs: 1_000 }) };
  }

  it('formats the counts and the rate', () => {
    expect(formatProgress(progress)).toBe(
      'sent 12,345 · accepted 12,000 · duplicates 300 · errors 45 · 3086.3 events/s · 4.0s',
    );
  });

  it('updates one line in place on a terminal', () => {
    const { writes, display } = capture(true);
    display.update({ ...progress, elapsedMs: 100 });
    display.update(progress);
    display.finish(progress);
    expect(writes.every((text) => text.startsWith('\r\u001b[2K'))).toBe(true);
    expect(writes.at(-1)?.endsWith('\n')).toBe(true);
    expect(writes.slice(0, -1).some((text) => text.includes('\n'))).toBe(false);
  });

  it('prints a line per interval elsewhere, and each new error once', () => {
    const { writes, display } = capture(false);
    for (const elapsedMs of [200, 900, 1_000, 1_500, 2_100]) display.update({ ...progress, elapsedMs });
    display.update({ ...progress, elapsedMs: 2_200, lastError: 'boom' });
    display.update({ ...progress, elapsedMs: 2_300, lastError: 'boom' });
    expect(writes.map((text) => text.match(/(error: boom|\d+\.\ds)\n$/)?.[1])).toEqual(['1.0s', '2.1s', 'error: boom']);
  });
});
