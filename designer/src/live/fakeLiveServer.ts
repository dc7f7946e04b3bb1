import type { ServerToClientEvents, SubscribeReply, Subscription } from '@journey/shared';

// For tests: stands in for the runtime's `/live` namespace behind socket.io-client's `io`, as in
// `vi.mock('socket.io-client', async () => (await import('../live/fakeLiveServer')).socketIoClient)`.

type Listener = (...args: never[]) => void;

class FakeSocket {
  readonly listeners = new Map<string, Listener[]>();
  readonly subscriptions: Subscription[] = [];
  active = true;

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  /** The only thing clients emit: a subscription, acknowledged at once. */
  emit(_event: 'subscribe', subscription: Subscription, ack: (reply: SubscribeReply) => void): this {
    this.subscriptions.push(subscription);
    ack({ ok: true });
    return this;
  }

  disconnect(): this {
    this.active = false;
    sockets.delete(this);
    return this;
  }

  fire(event: string, ...args: unknown[]): void {
    // Listeners were registered for this event's own payload type; the caller passes that payload.
    for (const listener of this.listeners.get(event) ?? []) (listener as (...payload: unknown[]) => void)(...args);
  }
}

const sockets = new Set<FakeSocket>();

export const fakeLiveServer = {
  /** Every subscription of the sockets open now. */
  subscriptions: (): Subscription[] => [...sockets].flatMap((socket) => socket.subscriptions),
  /** Sends an event to every open socket, as the runtime does to a room. */
  send<Event extends keyof ServerToClientEvents>(event: Event, ...args: Parameters<ServerToClientEvents[Event]>) {
    for (const socket of sockets) socket.fire(event, ...args);
  },
};

export const socketIoClient = {
  /** Connects at once (on the next tick, once the caller has registered its listeners). */
  io: () => {
    const socket = new FakeSocket();
    sockets.add(socket);
    queueMicrotask(() => socket.fire('connect'));
    return socket;
  },
};
