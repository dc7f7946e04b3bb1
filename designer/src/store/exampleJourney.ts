import { CURRENT_SCHEMA_VERSION, type JourneyDocument } from '@journey/shared';

/** The store's document until a journey is opened (and the tests' example): a card welcome with an A/B test. */
export const exampleJourney: JourneyDocument = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'card-welcome',
  name: 'Co-branded card welcome',
  description: 'Welcome new cardholders a day after activation; A/B test SMS against push.',
  settings: {
    reentry: 'never',
    timezone: 'Asia/Shanghai',
    quietHours: { start: '21:00', end: '08:00' },
    goal: { event: 'card_transaction', within: 'P30D', exitOnGoal: true },
  },
  nodes: [
    {
      id: 'trigger-1',
      type: 'trigger',
      position: { x: 0, y: 120 },
      label: 'Card activated',
      config: { kind: 'event', event: 'card_activated' },
    },
    { id: 'wait-1', type: 'wait', position: { x: 256, y: 120 }, config: { duration: 'P1D' } },
    {
      id: 'split-1',
      type: 'split',
      position: { x: 512, y: 120 },
      label: 'Welcome channel test',
      config: {
        variants: [
          { id: 'A', label: 'A', weight: 50 },
          { id: 'B', label: 'B', weight: 50 },
        ],
      },
    },
    {
      id: 'message-1',
      type: 'message',
      position: { x: 768, y: 16 },
      label: 'Welcome SMS',
      config: {
        channel: 'sms',
        template: { body: 'Hi {{profile.name}}, your card is ready. Spend 99 in 60 days to unlock 6 coupons.' },
      },
    },
    {
      id: 'message-2',
      type: 'message',
      position: { x: 768, y: 200 },
      label: 'Welcome push',
      config: {
        channel: 'push',
        template: {
          title: 'Your card is ready',
          body: 'Hi {{profile.name}}, spend 99 in 60 days to unlock 6 coupons.',
        },
      },
    },
    { id: 'exit-1', type: 'exit', position: { x: 1024, y: 120 }, config: { reason: 'Welcomed' } },
  ],
  edges: [
    { id: 'edge-1', source: 'trigger-1', sourceHandle: 'next', target: 'wait-1' },
    { id: 'edge-2', source: 'wait-1', sourceHandle: 'next', target: 'split-1' },
    { id: 'edge-3', source: 'split-1', sourceHandle: 'A', target: 'message-1' },
    { id: 'edge-4', source: 'split-1', sourceHandle: 'B', target: 'message-2' },
    { id: 'edge-5', source: 'message-1', sourceHandle: 'sent', target: 'exit-1' },
    { id: 'edge-6', source: 'message-2', sourceHandle: 'sent', target: 'exit-1' },
  ],
};
