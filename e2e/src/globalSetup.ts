import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ARTIFACTS_DIR, CHROMIUM_PATH, DESIGNER_DIST, REPO_ROOT } from './paths';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the runtime under test listens, e.g. `http://127.0.0.1:41234`. */
    baseUrl: string;
  }
}

const HOST = '127.0.0.1';
const STARTUP_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;

/** A port nobody uses right now: the one the system picks for a listener on port 0. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port of a listener on port 0'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

function checkPrerequisites(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The e2e tests drive Debian's Chromium at ${CHROMIUM_PATH}, which is missing. ` +
        'Install it with `sudo apt-get install chromium` (CI does this in .ci/run); the tests never download browsers.',
    );
  }
  if (!existsSync(join(DESIGNER_DIST, 'index.html'))) {
    throw new Error(
      `The built designer is missing (${DESIGNER_DIST}/index.html). ` +
        'Run `pnpm test:e2e` from the repository root, which builds it first, or `pnpm --filter @journey/designer build`.',
    );
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `/health` answers 200; rejects if the process exits first or the time runs out. */
async function waitForHealth(baseUrl: string, runtime: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (runtime.exitCode !== null || runtime.signalCode !== null) {
      const log = await readFile(logPath, 'utf8').catch(() => '');
      throw new Error(
        `The runtime exited (${runtime.exitCode ?? runtime.signalCode}) during startup:\n${log.slice(-4000)}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(
    `The runtime did not answer ${baseUrl}/health within ${STARTUP_TIMEOUT_MS / 1000} s (log: ${logPath})`,
  );
}

/** SIGTERM, then SIGKILL if it has not exited after the grace period. */
async function stop(runtime: ChildProcess): Promise<void> {
  if (runtime.exitCode !== null || runtime.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => runtime.once('exit', () => resolve()));
  runtime.kill('SIGTERM');
  const timer = setTimeout(() => runtime.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts the real runtime (manual clock, no auth, a throw-away database) serving the built designer, and
 * hands its address to the tests; stops it after the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  checkPrerequisites();
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'journey-e2e-'));
  const port = await freePort();
  const baseUrl = `http://${HOST}:${port}`;
  const logPath = join(ARTIFACTS_DIR, 'runtime.log');
  const log = createWriteStream(logPath);

  const runtime = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: join(REPO_ROOT, 'runtime'),
    env: {
      ...process.env,
      HOST,
      PORT: String(port),
      JOURNEY_DB: join(dataDir, 'journey.db'),
      JOURNEY_CLOCK: 'manual',
      JOURNEY_AUTH: 'off',
      JOURNEY_DESIGNER_DIST: DESIGNER_DIST,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  runtime.stdout?.pipe(log);
  runtime.stderr?.pipe(log);

  const teardown = async () => {
    await stop(runtime);
    log.end();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, runtime, logPath);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  return teardown;
}
