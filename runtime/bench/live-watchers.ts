/**
 * The socket.io watchers of live.bench.ts, in a process of their own (at low priority: they stand in for
 * browsers on other machines). They connect once, (un)subscribe to the journey when told and, subscribed,
 * fold every delta into their snapshot; the parent asks whether they all agree with the REST snapshot.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  applyMetricsDelta,
  type ClientToServerEvents,
  type JourneyMetrics,
  LIVE_NAMESPACE,
  type ServerToClientEvents,
} from '@journey/shared';
import { io, type Socket } from 'socket.io-client';
import type { WatcherReply, WatcherRequest } from './live-ipc';

type LiveClient = Socket<ServerToClientEvents, ClientToServerEvents>;

const { LIVE_URL, LIVE_TOKEN, LIVE_JOURNEY, LIVE_WATCHERS } = process.env;
if (!LIVE_URL || !LIVE_JOURNEY || !process.send) {
  console.error('live-watchers is started by live.bench.ts');
  process.exit(1);
}
const journeyId = LIVE_JOURNEY;

class Watcher {
  metrics: JourneyMetrics | undefined;
  readonly connected: Promise<void>;

  constructor(readonly socket: LiveClient) {
    this.connected = new Promise((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    socket.on('metrics:snapshot', (snapshot) => {
      this.metrics = snapshot;
    });
    socket.on('metrics:delta', (delta) => {
      if (this.metrics) this.metrics = applyMetricsDelta(this.metrics, delta);
    });
  }

  async request(command: 'subscribe' | 'unsubscribe'): Promise<void> {
    const reply = await this.socket.emitWithAck(command, { journeyId });
    if (!reply.ok) throw new Error(`${command}: ${reply.error}`);
  }
}

const send = (reply: WatcherReply) => process.send?.(reply);
const all = (work: Promise<unknown>[]) =>
  Promise.all(work).then(
    () => send({ kind: 'done' }),
    (error: unknown) => send({ kind: 'failed', error: String(error) }),
  );

const watchers = Array.from(
  { length: Number(LIVE_WATCHERS) },
  () => new Watcher(io(`${LIVE_URL}${LIVE_NAMESPACE}`, { transports: ['websocket'], auth: { token: LIVE_TOKEN } })),
);
all(watchers.map((watcher) => watcher.connected));

process.on('message', (request: WatcherRequest) => {
  switch (request.command) {
    case 'subscribe':
    case 'unsubscribe':
      all(watchers.map((watcher) => watcher.request(request.command)));
      break;
    case 'report':
      send({ kind: 'report', agree: watchers.every((watcher) => isDeepStrictEqual(watcher.metrics, request.rest)) });
      break;
    case 'close':
      for (const watcher of watchers) watcher.socket.disconnect();
      process.disconnect();
      break;
  }
});
