/** Starts bench-server.ts as a child process and talks to it over IPC. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ControlReply, ControlRequest } from './protocol';

type Command = ControlRequest extends infer Request
  ? Request extends ControlRequest
    ? Omit<Request, 'id'>
    : never
  : never;

export class ServerProcess {
  readonly #child;
  readonly #pending = new Map<number, (reply: ControlReply) => void>();
  #nextId = 1;
  /** The server's base URL once it listens. */
  readonly address: Promise<string>;

  constructor(databasePath: string, clockStart: number, adminKey: string) {
    this.#child = fork(fileURLToPath(new URL('./bench-server.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx'],
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { ...process.env, BENCH_DB: databasePath, BENCH_CLOCK_START: String(clockStart), BENCH_ADMIN_KEY: adminKey },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.#child.on('message', (reply: ControlReply) => {
      const resolve = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      resolve?.(reply);
    });
    this.address = new Promise((resolve, reject) => {
      this.#pending.set(0, (reply) => (reply.address ? resolve(reply.address) : reject(new Error(reply.error))));
      this.#child.once('exit', (code) => reject(new Error(`the bench server exited with code ${code}`)));
    });
  }

  async send(command: Command): Promise<ControlReply> {
    const id = this.#nextId++;
    const reply = await new Promise<ControlReply>((resolve) => {
      this.#pending.set(id, resolve);
      this.#child.send({ ...command, id });
    });
    if (reply.error) throw new Error(`bench server: ${reply.error}`);
    return reply;
  }

  /** Closes the app (draining requests, closing the database) and waits for the process to end. */
  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    await this.send({ command: 'close' });
    await exited;
  }

  /** Last resort when the bench fails half-way: this child only, by its own handle. */
  kill(): void {
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill('SIGKILL');
  }
}
