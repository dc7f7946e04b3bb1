import {
  type ClientToServerEvents,
  type GlobalMetrics,
  type GlobalMetricsDelta,
  type JourneyMetrics,
  type JourneyMetricsDelta,
  LIVE_NAMESPACE,
  type ServerToClientEvents,
  type Subscription,
} from '@journey/shared';
import { io, type Socket } from 'socket.io-client';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How the live feed stands; "refused" is final (unknown journey, no right to read), the others pass. */
export type LiveConnection =
  | { state: 'connecting' | 'connected' | 'reconnecting' }
  | { state: 'refused'; reason: string };

export interface LiveFeed<Snapshot, Delta> {
  onSnapshot(snapshot: Snapshot): void;
  onDelta(delta: Delta): void;
  onConnection(connection: LiveConnection): void;
}

/**
 * Opens the runtime's `/live` namespace on the page's own origin (the session cookie goes along) and
 * subscribes. socket.io reconnects by itself; each (re)connect subscribes again and the server answers
 * with a fresh snapshot, which the caller takes in place of what it had. Returns the function that stops.
 */
function openLive(
  subscription: Subscription,
  onConnection: (connection: LiveConnection) => void,
  listen: (socket: LiveSocket) => void,
): () => void {
  const socket: LiveSocket = io(LIVE_NAMESPACE);
  listen(socket);
  onConnection({ state: 'connecting' });
  socket.on('connect', () => {
    socket.emit('subscribe', subscription, (reply) => {
      if (reply.ok) {
        onConnection({ state: 'connected' });
        return;
      }
      onConnection({ state: 'refused', reason: reply.error });
      socket.disconnect();
    });
  });
  socket.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') return;
    onConnection({ state: 'reconnecting' });
    // The server closed this socket on purpose (e.g. while restarting): socket.io leaves reconnecting to us.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (error) => {
    // An inactive socket was turned away by the server (no session, no right to read) and will not retry.
    onConnection(socket.active ? { state: 'reconnecting' } : { state: 'refused', reason: error.message });
  });
  return () => {
    socket.disconnect();
  };
}

/** Watches one journey's funnel: its snapshot, then deltas to fold in with `applyMetricsDelta`. */
export function watchJourney(journeyId: string, feed: LiveFeed<JourneyMetrics, JourneyMetricsDelta>): () => void {
  return openLive({ journeyId }, feed.onConnection, (socket) => {
    socket.on('metrics:snapshot', feed.onSnapshot);
    socket.on('metrics:delta', feed.onDelta);
  });
}

/** Watches the totals across journeys (the big screen): a snapshot, then deltas for `applyGlobalDelta`. */
export function watchTotals(feed: LiveFeed<GlobalMetrics, GlobalMetricsDelta>): () => void {
  return openLive({ global: true }, feed.onConnection, (socket) => {
    socket.on('global:snapshot', feed.onSnapshot);
    socket.on('global:delta', feed.onDelta);
  });
}
