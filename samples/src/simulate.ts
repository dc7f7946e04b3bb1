/**
 * Traffic simulator: sends deterministic behavioural events for N customers to a running runtime at a
 * chosen rate, with a progress display.
 *
 *   pnpm --filter @journey/samples simulate -- --url http://127.0.0.1:3000 --customers 1000 --rate 50 --duration 60 --seed 42
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { RuntimeApi, RuntimeHttpError, RuntimeUnreachableError } from './api';
import { seedProfiles } from './seed';
import { createTraffic, type TrafficEvent } from './traffic';

export interface SimulateOptions {
  url: string;
  customers: number;
  /** Events per second. */
  rate: number;
  seed: number;
  /** Stop after this many seconds. */
  duration?: number;
  /** Stop after this many events. */
  events?: number;
  /** Upsert synthetic profiles for the customers before sending events. */
  profiles: boolean;
}

export type ParsedArgs = { help: true } | { help: false; options: SimulateOptions };

/** A bad command line; the message names the flag. */
export class UsageError extends Error {}

const MAX_CUSTOMERS = 10_000_000;
const MAX_RATE = 10_000;
/** The most events `POST /v1/events` takes at once. */
const MAX_BATCH = 1_000;
/** Requests failing in a row for want of a runtime before the simulator gives up. */
const MAX_CONSECUTIVE_FAILURES = 5;

export const USAGE = `Usage: pnpm simulate -- [options]

  --url <url>          runtime to send to (default http://127.0.0.1:3000)
  --customers <n>      send events for customers demo-1 … demo-<n> (default 1000)
  --rate <n>           events per second (default 50, at most ${MAX_RATE})
  --duration <s>       stop after this many seconds
  --events <n>         stop after this many events
  --seed <n>           traffic seed (default 42): the same seed and customer count send the same events
  --profiles           first upsert synthetic profiles (names, city, branch, tags) for the customers
  -h, --help           show this help

Without --duration or --events it runs until Ctrl+C. A runtime that requires an API key gets the one in
the JOURNEY_API_KEY environment variable.`;

const flags = {
  url: { type: 'string' },
  customers: { type: 'string' },
  rate: { type: 'string' },
  duration: { type: 'string' },
  events: { type: 'string' },
  seed: { type: 'string' },
  profiles: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The flag's value as a number within `min`…`max`, or undefined when the flag is absent. */
function numberFlag(
  values: Record<string, string | boolean | undefined>,
  name: keyof typeof flags,
  { integer, min, max, unit = '' }: { integer: boolean; min: number; max: number; unit?: string },
): number | undefined {
  const text = values[name];
  if (typeof text !== 'string') return undefined;
  const value = Number(text);
  if (
    text.trim() === '' ||
    !Number.isFinite(value) ||
    (integer && !Number.isInteger(value)) ||
    value < min ||
    value > max
  ) {
    const kind = integer ? 'a whole number' : 'a number';
    throw new UsageError(`--${name} must be ${kind} from ${min} to ${max}${unit && ` ${unit}`} (got "${text}")`);
  }
  return value;
}

/** Parses the simulator's command line (a leading `--`, as pnpm passes it, is skipped). */
export function parseSimulateArgs(argv: readonly string[]): ParsedArgs {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  const { values, tokens } = parseArgs({ args, options: flags, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') throw new UsageError(`unexpected argument "${token.value}"`);
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(flags, token.name)) throw new UsageError(`unknown flag ${token.rawName}`);
    const type = flags[token.name as keyof typeof flags].type;
    if (type === 'string' && token.value === undefined) throw new UsageError(`${token.rawName} needs a value`);
    if (type === 'boolean' && token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
  }
  if (values.help) return { help: true };

  const url = typeof values.url === 'string' ? values.url : 'http://127.0.0.1:3000';
  if (!URL.canParse(url) || !['http:', 'https:'].includes(new URL(url).protocol)) {
    throw new UsageError(`--url must be an http:// or https:// URL (got "${url}")`);
  }
  const options: SimulateOptions = {
    url,
    customers: numberFlag(values, 'customers', { integer: true, min: 1, max: MAX_CUSTOMERS }) ?? 1000,
    rate: numberFlag(values, 'rate', { integer: false, min: 0.1, max: MAX_RATE, unit: 'events per second' }) ?? 50,
    seed: numberFlag(values, 'seed', { integer: true, min: 0, max: 2 ** 32 - 1 }) ?? 42,
    profiles: values.profiles === true,
  };
  const duration = numberFlag(values, 'duration', { integer: false, min: 0.1, max: 7 * 86_400, unit: 'seconds' });
  const events = numberFlag(values, 'events', { integer: true, min: 1, max: Number.MAX_SAFE_INTEGER });
  return {
    help: false,
    options: {
      ...options,
      ...(duration === undefined ? {} : { duration }),
      ...(events === undefined ? {} : { events }),
    },
  };
}

export interface Progress {
  /** Events posted, whatever the answer. */
  sent: number;
  accepted: number;
  duplicates: number;
  /** Events in requests that failed. */
  errors: number;
  elapsedMs: number;
  lastError?: string;
  /** Why the run stopped early: the runtime stopped answering, or refused the credentials. */
  gaveUp?: string;
}

export interface RunControls {
  /** Stops the run after the request in flight. */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** How often a batch goes out; default 200 ms. */
  tickMs?: number;
}

/**
 * Sends traffic at `rate` events per second, batched per tick, until `duration` or `events` is reached or
 * the signal aborts. Time lost to a slow runtime is made up by at most one second's worth of events, so a
 * stall never turns into a flood. Stops early, saying why in `gaveUp`, when the runtime stops answering or
 * refuses the credentials.
 */
export async function runSimulation(
  api: RuntimeApi,
  options: Pick<SimulateOptions, 'customers' | 'rate' | 'seed' | 'duration' | 'events'>,
  { signal, onProgress, tickMs = 200 }: RunControls = {},
): Promise<Progress> {
  const traffic = createTraffic({ seed: options.seed, customers: options.customers });
  const total = options.events ?? Number.POSITIVE_INFINITY;
  const started = performance.now();
  const deadline = options.duration === undefined ? Number.POSITIVE_INFINITY : started + options.duration * 1000;
  const progress: Progress = { sent: 0, accepted: 0, duplicates: 0, errors: 0, elapsedMs: 0 };
  let failuresInARow = 0;

  async function post(events: TrafficEvent[]): Promise<void> {
    progress.sent += events.length;
    try {
      const result = await api.request<{ accepted: number; duplicates: number }>('POST', '/v1/events', {
        json: { events },
      });
      progress.accepted += result.accepted;
      progress.duplicates += result.duplicates;
      failuresInARow = 0;
    } catch (error) {
      progress.errors += events.length;
      progress.lastError = error instanceof Error ? error.message : String(error);
      if (error instanceof RuntimeHttpError && (error.status === 401 || error.status === 403)) {
        progress.gaveUp = error.message;
      } else if (error instanceof RuntimeUnreachableError && ++failuresInARow >= MAX_CONSECUTIVE_FAILURES) {
        progress.gaveUp = `${MAX_CONSECUTIVE_FAILURES} requests in a row failed: ${error.message}`;
      }
    }
  }

  let credit = 0;
  let last = started;
  for (;;) {
    const now = Math.min(performance.now(), deadline);
    credit += (options.rate * Math.min(now - last, 1000)) / 1000;
    last = now;
    const due = Math.min(Math.floor(credit + 1e-9), total - progress.sent); // 1e-9: float drift
    credit -= due;
    for (let left = due; left > 0 && !signal?.aborted && !progress.gaveUp; left -= MAX_BATCH) {
      await post(traffic.next(Math.min(left, MAX_BATCH)));
    }
    progress.elapsedMs = performance.now() - started;
    onProgress?.({ ...progress });
    if (progress.sent >= total || now >= deadline || signal?.aborted || progress.gaveUp) return progress;
    try {
      await sleep(Math.min(tickMs, deadline - now), undefined, signal ? { signal } : {});
    } catch {
      return progress; // aborted while waiting
    }
  }
}

const count = (n: number) => n.toLocaleString('en-US');

export function formatProgress({ sent, accepted, duplicates, errors, elapsedMs }: Progress): string {
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? sent / seconds : 0;
  return [
    `sent ${count(sent)}`,
    `accepted ${count(accepted)}`,
    `duplicates ${count(duplicates)}`,
    `errors ${count(errors)}`,
    `${rate.toFixed(1)} events/s`,
    `${seconds.toFixed(1)}s`,
  ].join(' · ');
}

/**
 * Shows progress as one line updated in place (`live`, by default on a terminal), or as a line every
 * `intervalMs` (logs, CI, or a terminal shared with other output), with each new error once.
 */
export function createProgressDisplay(
  stream: { isTTY?: boolean; write(text: string): unknown },
  { live = stream.isTTY === true, intervalMs = 5_000, prefix = '' } = {},
) {
  let lastShown = 0;
  let lastError: string | undefined;
  return {
    update(progress: Progress): void {
      if (progress.lastError && progress.lastError !== lastError) {
        lastError = progress.lastError;
        stream.write(`${live ? '\r\u001b[2K' : ''}${prefix}error: ${lastError}\n`);
      }
      if (live) stream.write(`\r\u001b[2K${prefix}${formatProgress(progress)}`);
      else if (progress.elapsedMs - lastShown >= intervalMs) {
        lastShown = progress.elapsedMs;
        stream.write(`${prefix}${formatProgress(progress)}\n`);
      }
    },
    finish(progress: Progress): void {
      stream.write(`${live ? '\r\u001b[2K' : ''}${prefix}${formatProgress(progress)}\n`);
    },
  };
}

async function main(argv: readonly string[]): Promise<number> {
  let parsed: ParsedArgs;
  try {
    parsed = parseSimulateArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`simulate: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    console.log(USAGE);
    return 0;
  }
  const { options } = parsed;
  const api = new RuntimeApi(options.url);
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
  try {
    await api.health();
    if (options.profiles) {
      const result = await seedProfiles(api, { seed: options.seed, count: options.customers });
      console.log(`Profiles: ${count(result.imported)} new, ${count(result.updated)} updated`);
    }
    const limit = [
      options.duration === undefined ? '' : `for ${options.duration}s`,
      options.events === undefined ? '' : `up to ${count(options.events)} events`,
    ].filter(Boolean);
    console.log(
      `Sending ${options.rate} events/s for demo-1 … demo-${options.customers} (seed ${options.seed}) to ${api.baseUrl}` +
        `${limit.length ? `, ${limit.join(', ')}` : ''}; Ctrl+C stops.`,
    );
    const display = createProgressDisplay(process.stdout);
    const result = await runSimulation(api, options, { signal: controller.signal, onProgress: display.update });
    display.finish(result);
    if (result.gaveUp) {
      console.error(`simulate: stopped, ${result.gaveUp}`);
      return 1;
    }
    if (result.accepted === 0 && result.duplicates > 0) {
      console.log(
        `Every event was a duplicate: this runtime already has seed ${options.seed}'s events; try another --seed.`,
      );
    }
    return result.errors > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof RuntimeUnreachableError || error instanceof RuntimeHttpError)) throw error;
    console.error(`simulate: ${error.message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
