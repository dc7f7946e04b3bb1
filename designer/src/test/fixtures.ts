import { type Creative, CURRENT_SCHEMA_VERSION, type JourneyDocument } from '@journey/shared';

/** trigger → wait → split (A → message → exit, B → exit) */
export function smallJourney(): JourneyDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: 'test-journey',
    name: 'Test journey',
    settings: { reentry: 'never', timezone: 'Asia/Shanghai' },
    nodes: [
      { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, config: { kind: 'event', event: 'card_activated' } },
      { id: 'pause', type: 'wait', position: { x: 300, y: 0 }, config: { duration: 'P1D' } },
      {
        id: 'ab',
        type: 'split',
        position: { x: 600, y: 0 },
        config: {
          variants: [
            { id: 'A', weight: 50 },
            { id: 'B', weight: 50 },
          ],
        },
      },
      {
        id: 'hello',
        type: 'message',
        position: { x: 900, y: 0 },
        config: { channel: 'sms', template: { body: 'Hi {{profile.name}}' } },
      },
      { id: 'done', type: 'exit', position: { x: 1200, y: 0 }, config: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'pause' },
      { id: 'e2', source: 'pause', sourceHandle: 'next', target: 'ab' },
      { id: 'e3', source: 'ab', sourceHandle: 'A', target: 'hello' },
      { id: 'e4', source: 'ab', sourceHandle: 'B', target: 'done' },
      { id: 'e5', source: 'hello', sourceHandle: 'sent', target: 'done' },
    ],
  };
}

/** An SMS creative in the library, as `GET /v1/creatives` lists it. */
export const renewal: Creative = {
  id: 'renewal-offer',
  name: 'Renewal offer',
  channel: 'sms',
  body: 'Hi {{profile.name}}, your deposit matures soon',
  revision: 2,
  updatedAt: '2026-01-05T02:00:00.000Z',
  approval: {
    state: 'approved',
    approvedRevision: 2,
    approvedBy: 'Wang Fang',
    approvedAt: '2026-01-05T03:00:00.000Z',
    approvedBody: 'Hi {{profile.name}}, your deposit matures soon',
  },
};
