import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const runtimeDirectory = fileURLToPath(new URL('../..', import.meta.url));
/** The tail of the server's output kept for the failure message. */
const LOG_TAIL_CHARS = 4_000;
const START_TIMEOUT_MS = 20_000;

/** A port free right now on 127.0.0.1, so every restart of the server can listen on the same one. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Stands in for an SMS gateway: accepts every delivery and counts them by idempotency key. */
export class WebhookReceiver {
  /** Deliveries per idempotency key. */
  readonly deliveries = new Map<string, number>();
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (request, response) => {
      const key = String(request.headers['idempotency-key']);
      request.resume();
      request.on('end', () => {
        receiver.deliveries.set(key, (receiver.deliveries.get(key) ?? 0) + 1);
        response.writeHead(200).end();
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/deliver`;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

/** The real server (`src/server.ts`) as a child process that can be started, killed and started again. */
export class ServerProcess {
  #child: ChildProcess | undefined;
  #log = '';

  constructor(private readonly env: Record<string, string>) {}

  /** Starts the server and resolves once it listens; rejects if it exits or takes too long. */
  async start(): Promise<void> {
    this.#log = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: runtimeDirectory,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    // Both pipes are always read: a full pipe would block the server's (synchronous) logger.
    const listening = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no "listening" within ${START_TIMEOUT_MS} ms\n${this.#log}`)),
        START_TIMEOUT_MS,
      );
      const onOutput = (chunk: Buffer) => {
        this.#log = (this.#log + chunk.toString()).slice(-LOG_TAIL_CHARS);
        if (this.#log.includes('Journey runtime listening on')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onOutput);
      child.stderr?.on('data', onOutput);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code ?? signal}) during start-up\n${this.#log}`));
      });
    });
    await listening;
  }

  /** Sends a signal and waits for the process to be gone; SIGKILL gives it no chance to clean up. */
  async stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }

  /** The last lines the server printed, for failure messages. */
  get logTail(): string {
    return this.#log;
  }
}
