import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it, onTestFinished } from 'vitest';

function databasePath(): string {
  const directory = mkdtempSync(join(tmpdir(), 'journey-auth-'));
  onTestFinished(() => rmSync(directory, { recursive: true, force: true }));
  return join(directory, 'journey.db');
}

function startServer(env: Record<string, string>): ChildProcess {
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: new URL('../..', import.meta.url),
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', JOURNEY_CLOCK: 'manual', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
  });
  return server;
}

/** Everything the server printed up to its "listening" line, and the address it listens on. */
async function untilListening(server: ChildProcess): Promise<{ output: string; address: string }> {
  let output = '';
  for await (const line of createInterface({ input: server.stdout! })) {
    output += `${line}\n`;
    const match = /Journey runtime listening on (http:\/\/\S+?)"/.exec(line);
    if (match) return { output, address: match[1]! };
  }
  throw new Error(`the server exited before listening:\n${output}`);
}

async function stop(server: ChildProcess): Promise<void> {
  server.kill('SIGTERM');
  await once(server, 'exit');
}

const me = (address: string, key?: string) =>
  fetch(`${address}/v1/auth/me`, key ? { headers: { authorization: `Bearer ${key}` } } : {});

describe('the server', () => {
  it('generates the first admin key and prints it once, at the first start only', async () => {
    const path = databasePath();
    const first = startServer({ JOURNEY_DB: path });
    const { output, address } = await untilListening(first);
    const keys = output.match(/jk_[A-Za-z0-9_-]{43}/g);
    expect(keys).toHaveLength(1);
    const key = keys![0]!;
    expect((await me(address)).status).toBe(401);
    expect(await (await me(address, key)).json()).toEqual({ name: 'admin', role: 'admin', keyId: expect.any(String) });
    await stop(first);

    const second = startServer({ JOURNEY_DB: path });
    const restarted = await untilListening(second);
    expect(restarted.output).not.toMatch(/jk_/);
    expect((await me(restarted.address, key)).status).toBe(200);
    await stop(second);
  });

  it('takes the first admin key from JOURNEY_ADMIN_KEY and prints none', async () => {
    const key = 'a-long-random-admin-key-from-the-vault-0123456789';
    const server = startServer({ JOURNEY_DB: databasePath(), JOURNEY_ADMIN_KEY: key });
    const { output, address } = await untilListening(server);
    expect(output).not.toMatch(/jk_/);
    expect((await me(address, key)).status).toBe(200);
    await stop(server);
  });

  it('refuses to start with JOURNEY_AUTH=off on an address other machines reach', async () => {
    const server = startServer({ JOURNEY_DB: databasePath(), HOST: '0.0.0.0', JOURNEY_AUTH: 'off' });
    let errors = '';
    server.stderr!.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    // 'close' comes after stderr has been read to its end.
    const [exitCode] = await once(server, 'close');
    expect(exitCode).toBe(1);
    expect(errors).toMatch(/authentication can only be off when HOST is a loopback address.*\n.*JOURNEY_AUTH/);
  });

  it('runs without keys with JOURNEY_AUTH=off on loopback, and warns', async () => {
    const server = startServer({ JOURNEY_DB: databasePath(), JOURNEY_AUTH: 'off' });
    const { output, address } = await untilListening(server);
    expect(output).toMatch(/authentication is OFF \(JOURNEY_AUTH=off\)/);
    expect(await (await me(address)).json()).toEqual({ name: 'local', role: 'admin', keyId: null });
    await stop(server);
  });
});
