import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../src/auth/loopback';

describe('loopback addresses (where JOURNEY_AUTH=off may run)', () => {
  it.each(['127.0.0.1', '127.10.0.5', '::1', 'localhost'])('allows %s', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['0.0.0.0', '::', '10.1.2.3', '192.168.0.10', 'journey.bank.internal'])('refuses %s', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
