import { LIVE_NAMESPACE } from '@journey/shared';
import { io, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildAuthApp, createKey } from './helpers';

/** Connects to the live namespace; resolves with undefined once connected, or the refusal's message. */
function connectResult(url: string, options: Partial<ManagerOptions & SocketOptions>): Promise<string | undefined> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, ...options });
  onTestFinished(() => {
    socket.disconnect();
  });
  return new Promise((resolve) => {
    socket.on('connect', () => resolve(undefined));
    socket.on('connect_error', (error) => resolve(error.message));
  });
}

describe('live metrics sockets', () => {
  it('take the same keys and sessions as the API, and only roles that may read', async () => {
    const { app } = await buildAuthApp();
    const supervisor = await createKey(app, 'supervisor', 'war room');
    const ingest = await createKey(app, 'ingest');
    const login = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { key: supervisor } });
    const session = login.cookies.find((cookie) => cookie.name === 'journey_session')!.value;
    const url = `${await app.listen({ host: '127.0.0.1', port: 0 })}${LIVE_NAMESPACE}`;

    expect(await connectResult(url, {})).toMatch(/^Authentication required/);
    expect(await connectResult(url, { auth: { token: 'jk_wrong' } })).toMatch(/^Authentication required/);
    expect(await connectResult(url, { auth: { token: ingest } })).toBe('ingest (ingest) may not read metrics');
    expect(await connectResult(url, { auth: { token: supervisor } })).toBeUndefined();
    expect(
      await connectResult(url, { extraHeaders: { cookie: `journey_session=${encodeURIComponent(session)}` } }),
    ).toBeUndefined();
  });
});
