import {
  applyGlobalDelta,
  applyMetricsDelta,
  type ClientToServerEvents,
  type GlobalMetrics,
  type JourneyMetrics,
  LIVE_NAMESPACE,
  type ServerToClientEvents,
} from '@journey/shared';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildTestApp } from '../helpers';
import { getJson, publish, sendEvents, signupSplit } from './journeys';

type LiveClient = Socket<ServerToClientEvents, ClientToServerEvents>;

async function listeningApp(): Promise<{ app: FastifyInstance; url: string }> {
  const { app } = await buildTestApp();
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `${address}${LIVE_NAMESPACE}` };
}

function connect(url: string): LiveClient {
  const socket: LiveClient = io(url, { transports: ['websocket'], reconnectionDelay: 10, reconnectionDelayMax: 50 });
  onTestFinished(() => {
    socket.disconnect();
  });
  return socket;
}

/**
 * A client watching one journey the way the designer does: subscribe on every (re)connect, keep the
 * latest snapshot, fold deltas into it, and count what arrived.
 */
function watchJourney(url: string, journeyId: string) {
  const socket = connect(url);
  const watcher = { socket, metrics: undefined as JourneyMetrics | undefined, snapshots: 0, deltas: 0 };
  socket.on('connect', () => {
    socket.emit('subscribe', { journeyId }, () => {});
  });
  socket.on('metrics:snapshot', (snapshot) => {
    watcher.metrics = snapshot;
    watcher.snapshots++;
  });
  socket.on('metrics:delta', (delta) => {
    if (!watcher.metrics) throw new Error('a delta came before the snapshot');
    watcher.metrics = applyMetricsDelta(watcher.metrics, delta);
    watcher.deltas++;
  });
  return watcher;
}

/** Resolves when `check` holds after a server message was handled (or holds already). */
function when(socket: LiveClient, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const test = () => {
      if (!check()) return;
      socket.offAny(afterHandlers);
      resolve();
    };
    // "Any" listeners run before the event's own handlers: check once those are done.
    const afterHandlers = () => queueMicrotask(test);
    socket.onAny(afterHandlers);
    test();
  });
}

/**
 * Waits for the server to answer a harmless request: the answer comes after anything the server sent on
 * this connection before, such as a delta it emitted to the whole room at the same moment as to another client.
 */
async function roundTrip(socket: LiveClient): Promise<void> {
  expect(await socket.emitWithAck('unsubscribe', { journeyId: 'not-watched' })).toEqual({ ok: true });
}

const signups = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => ({
    eventId: `${prefix}-${index}`,
    customerId: `${prefix}-${index}`,
    type: 'signup',
  }));

const restMetrics = (app: FastifyInstance, journeyId: string) =>
  getJson<JourneyMetrics>(app, `/v1/journeys/${journeyId}/metrics`);

describe('live metrics over socket.io', () => {
  it('answers a subscription with the snapshot, then deltas that add up to the stored counters', async () => {
    const { app, url } = await listeningApp();
    await publish(app, signupSplit('live'));
    await sendEvents(app, signups('early', 5));
    const watcher = watchJourney(url, 'live');
    await when(watcher.socket, () => watcher.snapshots === 1);
    expect(watcher.metrics).toEqual(await restMetrics(app, 'live'));

    await sendEvents(app, signups('late', 7));
    await sendEvents(app, [{ eventId: 'buy-1', customerId: 'late-1', type: 'purchase' }]);
    const expected = await restMetrics(app, 'live');
    expect(expected.entered).toBe(12);
    await when(watcher.socket, () => watcher.metrics?.goal.converted === 1 && watcher.metrics.entered === 12);
    expect(watcher.metrics).toEqual(expected);
    expect(watcher.deltas).toBeGreaterThan(0);
  });

  it('never counts twice for a client subscribing while increments wait for the next delta', async () => {
    const { app, url } = await listeningApp();
    await publish(app, signupSplit('late'));
    const early = watchJourney(url, 'late');
    await when(early.socket, () => early.snapshots === 1);
    await sendEvents(app, signups('first', 2));
    await when(early.socket, () => early.metrics?.entered === 2);
    // A delta just went out, so these wait up to 250 ms for the next one while the late client subscribes.
    await sendEvents(app, signups('second', 3));
    const late = watchJourney(url, 'late');
    await when(late.socket, () => late.snapshots === 1);
    await when(early.socket, () => early.metrics?.entered === 5);
    await roundTrip(late.socket);
    const expected = await restMetrics(app, 'late');
    expect(late.metrics).toEqual(expected);
    expect(early.metrics).toEqual(expected);
  });

  it('coalesces a burst of 2,000 events into a handful of deltas', async () => {
    const { app, url } = await listeningApp();
    await publish(app, signupSplit('burst'));
    const watcher = watchJourney(url, 'burst');
    await when(watcher.socket, () => watcher.snapshots === 1);

    const requests = 100;
    const startedAt = performance.now();
    const events = signups('burst', 2_000);
    for (let request = 0; request < requests; request++) {
      await sendEvents(app, events.slice(request * 20, (request + 1) * 20));
    }
    await when(watcher.socket, () => watcher.metrics?.entered === 2_000);
    const elapsedMs = performance.now() - startedAt;
    expect(watcher.metrics).toEqual(await restMetrics(app, 'burst'));
    // At most one delta per 250 ms window (plus the first, sent at once): far fewer than the 100 commits.
    expect(watcher.deltas).toBeLessThanOrEqual(Math.ceil(elapsedMs / 250) + 1);
    expect(watcher.deltas).toBeLessThan(requests / 4);
  });

  it('sends a fresh snapshot after a reconnect', async () => {
    const { app, url } = await listeningApp();
    await publish(app, signupSplit('again'));
    const watcher = watchJourney(url, 'again');
    await when(watcher.socket, () => watcher.snapshots === 1);

    const reconnected = new Promise((resolve) => watcher.socket.io.once('reconnect', resolve));
    watcher.socket.io.engine.close();
    await reconnected;
    await sendEvents(app, signups('meanwhile', 3));
    await when(watcher.socket, () => watcher.snapshots === 2 && watcher.metrics?.entered === 3);
    expect(watcher.metrics).toEqual(await restMetrics(app, 'again'));
  });

  it('refuses unknown journeys and malformed subscriptions in the acknowledgement', async () => {
    const { url } = await listeningApp();
    const socket = connect(url);
    expect(await socket.emitWithAck('subscribe', { journeyId: 'nowhere' })).toEqual({
      ok: false,
      error: 'Journey nowhere not found',
    });
    const malformed = await socket.emitWithAck('subscribe', { journeyId: 42 } as never);
    expect(malformed).toMatchObject({ ok: false, error: expect.stringContaining('journeyId') });
  });

  it('stops deltas after unsubscribe', async () => {
    const { app, url } = await listeningApp();
    await publish(app, signupSplit('leave'));
    const staying = watchJourney(url, 'leave');
    const leaving = watchJourney(url, 'leave');
    await when(staying.socket, () => staying.snapshots === 1);
    await when(leaving.socket, () => leaving.snapshots === 1);
    expect(await leaving.socket.emitWithAck('unsubscribe', { journeyId: 'leave' })).toEqual({ ok: true });

    await sendEvents(app, signups('after', 2));
    await when(staying.socket, () => staying.metrics?.entered === 2);
    await roundTrip(leaving.socket);
    expect(leaving.deltas).toBe(0);
  });

  it('keeps the big screen up to date with totals across journeys', async () => {
    const { app, url } = await listeningApp();
    await publish(app, signupSplit('one'));
    await publish(app, signupSplit('two'));
    await sendEvents(app, signups('first', 2));
    const socket = connect(url);
    let totals: GlobalMetrics | undefined;
    socket.on('global:snapshot', (snapshot) => {
      totals = snapshot;
    });
    socket.on('global:delta', (delta) => {
      if (totals) totals = applyGlobalDelta(totals, delta);
    });
    expect(await socket.emitWithAck('subscribe', { global: true })).toEqual({ ok: true });
    // Each sign-up enters both journeys.
    expect(totals?.totals).toMatchObject({ entered: 4, active: 4 });

    await sendEvents(app, [...signups('second', 3), { eventId: 'buy', customerId: 'first-0', type: 'purchase' }]);
    await when(socket, () => totals?.totals.entered === 10);
    expect(totals?.journeys.one).toEqual({ entered: 5, active: 4, converted: 1, messagesSent: 0, benefitsGranted: 0 });
    expect(totals?.totals).toEqual({ entered: 10, active: 8, converted: 2, messagesSent: 0, benefitsGranted: 0 });
  });
});
