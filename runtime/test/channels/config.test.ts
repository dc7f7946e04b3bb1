import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { channels } from '@journey/shared';
import { describe, expect, it, onTestFinished } from 'vitest';
import { logAdapter, type OutgoingMessage } from '../../src/channels/adapters';
import { parseChannelConfig } from '../../src/channels/config';

/** A receiver on 127.0.0.1 that records the path and idempotency key of each POST. */
async function startReceiver(): Promise<{ url: string; received: Array<{ path: string; key: string }> }> {
  const received: Array<{ path: string; key: string }> = [];
  const server = createServer((request, response) => {
    received.push({ path: request.url ?? '', key: String(request.headers['idempotency-key']) });
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const message = (idempotencyKey: string): OutgoingMessage => ({
  idempotencyKey,
  channel: 'sms',
  customerId: 'c1',
  journeyId: 'j1',
  nodeId: 'n1',
  title: null,
  body: 'hello',
});

describe('JOURNEY_CHANNELS', () => {
  it('routes named channels to their webhooks and every other channel to the fallback', async () => {
    const receiver = await startReceiver();
    const parsed = parseChannelConfig(`sms=webhook:${receiver.url}/sms, push=webhook:${receiver.url}/push ,*=log`);
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const { adapters } = parsed;

    expect(await adapters.sms?.send(message('k-sms'))).toEqual({ ok: true });
    expect(await adapters.push?.send(message('k-push'))).toEqual({ ok: true });
    expect(receiver.received).toEqual([
      { path: '/sms', key: 'k-sms' },
      { path: '/push', key: 'k-push' },
    ]);
    for (const channel of channels.filter((name) => !['sms', 'push', 'branchTask', 'callCenter'].includes(name))) {
      expect(adapters[channel], channel).toBe(logAdapter);
    }
  });

  it('keeps the staff-task channels on their built-in task queues unless they are named', () => {
    const wildcard = parseChannelConfig('*=log');
    expect(wildcard.ok && [wildcard.adapters.branchTask, wildcard.adapters.callCenter]).toEqual([undefined, undefined]);
    const named = parseChannelConfig('branchTask=log');
    expect(named.ok && named.adapters.branchTask).toBe(logAdapter);
  });

  it('leaves channels without an entry or fallback unconfigured (they record only)', () => {
    expect(parseChannelConfig('')).toEqual({ ok: true, adapters: {} });
    const parsed = parseChannelConfig('email=log');
    expect(parsed.ok && Object.keys(parsed.adapters)).toEqual(['email']);
  });

  it('keeps "=" inside a webhook URL query string', async () => {
    const receiver = await startReceiver();
    const parsed = parseChannelConfig(`*=webhook:${receiver.url}/hook?token=a=b`);
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    await parsed.adapters.wechat?.send(message('k1'));
    expect(receiver.received).toEqual([{ path: '/hook?token=a=b', key: 'k1' }]);
  });

  it('names every bad entry', () => {
    expect(
      parseChannelConfig(
        'sms, fax=log, push=carrier-pigeon, email=webhook:not a url, inApp=webhook:ftp://host/x, *=log, *=log, wechat=log, wechat=log',
      ),
    ).toEqual({
      ok: false,
      problems: [
        '"sms": expected channel=adapter',
        '"fax=log": unknown channel "fax" (one of sms, push, wechat, email, inApp, callCenter, branchTask, webhook or *)',
        '"push=carrier-pigeon": unknown adapter "carrier-pigeon": use "log" or "webhook:<http(s) URL>"',
        '"email=webhook:not a url": "not a url" is not a URL',
        '"inApp=webhook:ftp://host/x": "ftp://host/x" must be an http or https URL',
        '"*=log": channel "*" is configured twice',
        '"wechat=log": channel "wechat" is configured twice',
      ],
    });
  });
});
