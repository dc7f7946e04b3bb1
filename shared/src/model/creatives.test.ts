import { describe, expect, it } from 'vitest';
import { type CreativeContent, creativeIdSchema, creativeReferences, resolveCreatives } from './creatives';
import type { JourneyDocument, JourneyNode } from './document';

const message = (id: string, config: Record<string, unknown>): JourneyNode => ({
  id,
  type: 'message',
  position: { x: 0, y: 0 },
  config,
});

function journey(nodes: JourneyNode[]): JourneyDocument {
  return {
    schemaVersion: 1,
    id: 'renewal',
    name: 'Renewal',
    settings: { reentry: 'never', timezone: 'Asia/Shanghai' },
    nodes: [
      { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, config: { kind: 'event', event: 'maturity_upcoming' } },
      ...nodes,
    ],
    edges: [],
  };
}

const library: ReadonlyMap<string, CreativeContent> = new Map([
  ['renewal-offer', { name: 'Renewal offer', channel: 'sms', body: 'Hi {{profile.name}}, renew at 2.6%' }],
  ['card-welcome', { name: 'Card welcome', channel: 'push', title: 'Welcome', body: 'Your card is ready' }],
]);

describe('resolveCreatives', () => {
  it("copies each known creative's text into the message, keeping the creativeId and the node's other fields", () => {
    const document = journey([
      message('sms', { channel: 'sms', creativeId: 'renewal-offer' }),
      message('push', { channel: 'push', creativeId: 'card-welcome', template: { title: 'Old', body: 'Old text' } }),
    ]);
    const resolved = resolveCreatives(document, library);
    expect(resolved.nodes[1]?.config).toEqual({
      channel: 'sms',
      creativeId: 'renewal-offer',
      template: { body: 'Hi {{profile.name}}, renew at 2.6%' },
    });
    expect(resolved.nodes[2]?.config).toEqual({
      channel: 'push',
      creativeId: 'card-welcome',
      template: { title: 'Welcome', body: 'Your card is ready' },
    });
    expect(resolved.nodes[0]).toBe(document.nodes[0]);
  });

  it('drops a written title the creative does not have, so the creative alone decides the text', () => {
    const document = journey([
      message('sms', { channel: 'sms', creativeId: 'renewal-offer', template: { title: 'Stale', body: 'x' } }),
    ]);
    expect(resolveCreatives(document, library).nodes[1]?.config.template).toEqual({
      body: 'Hi {{profile.name}}, renew at 2.6%',
    });
  });

  it('leaves messages with their own text, unknown creatives and other nodes alone, and the input unchanged', () => {
    const own = message('own', { channel: 'sms', template: { body: 'Written here' } });
    const unknown = message('gone', { channel: 'sms', creativeId: 'retired' });
    const notAMessage: JourneyNode = {
      id: 'x',
      type: 'exit',
      position: { x: 0, y: 0 },
      config: { creativeId: 'renewal-offer' },
    };
    const document = journey([own, unknown, notAMessage]);
    const before = structuredClone(document);
    const resolved = resolveCreatives(document, library);
    expect(resolved.nodes).toEqual(document.nodes);
    expect(document).toEqual(before);
  });
});

describe('creativeReferences', () => {
  it('lists the message nodes using each creative, in document order', () => {
    const document = journey([
      message('a', { channel: 'sms', creativeId: 'renewal-offer' }),
      message('b', { channel: 'push', creativeId: 'card-welcome' }),
      message('c', { channel: 'sms', creativeId: 'renewal-offer' }),
      message('d', { channel: 'sms', template: { body: 'own text' } }),
    ]);
    expect([...creativeReferences(document)]).toEqual([
      ['renewal-offer', ['a', 'c']],
      ['card-welcome', ['b']],
    ]);
  });
});

describe('creativeIdSchema', () => {
  it('accepts ids of 1-64 letters, digits, "_" and "-" only', () => {
    expect(creativeIdSchema.safeParse('renewal_offer-2').success).toBe(true);
    for (const bad of ['', 'a b', 'a/b', 'x'.repeat(65)]) expect(creativeIdSchema.safeParse(bad).success).toBe(false);
  });
});
