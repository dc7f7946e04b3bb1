import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildApp } from '../src/app';

function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'journey-runtime-'));
  onTestFinished(() => rmSync(directory, { recursive: true, force: true }));
  return directory;
}

/** Resolves with the address from the server's "listening" log line. */
async function listeningAddress(server: ChildProcess): Promise<string> {
  for await (const line of createInterface({ input: server.stdout! })) {
    const match = /Journey runtime listening on (http:\/\/\S+?)"/.exec(line);
    if (match) return match[1]!;
  }
  throw new Error('the server exited before listening');
}

describe('over a real socket', () => {
  it('serves health and accepts events on 127.0.0.1', async () => {
    const app = await buildApp({
      databasePath: join(temporaryDirectory(), 'journey.db'),
      pollIntervalMs: 0,
      auth: { enabled: false },
    });
    onTestFinished(() => app.close());
    const address = await app.listen({ host: '127.0.0.1', port: 0 });

    const health = await fetch(`${address}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    const posted = await fetch(`${address}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ eventId: 'e1', customerId: 'c1', type: 'app.login' }),
    });
    expect(posted.status).toBe(202);
    expect(await posted.json()).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('starts from the environment, creates the database folder and stops cleanly on SIGTERM', async () => {
    const databasePath = join(temporaryDirectory(), 'nested', 'journey.db');
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: new URL('..', import.meta.url),
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', JOURNEY_DB: databasePath, JOURNEY_CLOCK: 'manual' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    onTestFinished(() => {
      if (server.exitCode === null) server.kill('SIGKILL');
    });

    const address = await listeningAddress(server);
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${address}/health`)).status).toBe(200);
    expect(existsSync(databasePath)).toBe(true);

    server.kill('SIGTERM');
    const [exitCode] = await once(server, 'exit');
    expect(exitCode).toBe(0);
  });
});
