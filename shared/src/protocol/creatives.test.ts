import { describe, expect, it } from 'vitest';
import { buildJourney } from '../model/build';
import { type CreativeSource, creativeContentOf, creativeContents } from './creatives';

const approval = {
  approvedRevision: 1,
  approvedBy: 'Wang Fang',
  approvedAt: '2026-01-05T03:00:00.000Z',
} as const;

/** Approved as "Renew at 2.6%", then edited: the working words await approval. */
const edited: CreativeSource = {
  name: 'Renewal offer',
  channel: 'sms',
  body: 'Unreviewed: 9.9% guaranteed!',
  approval: { state: 'changesPending', ...approval, approvedBody: 'Renew at 2.6%' },
};
const untitledNow: CreativeSource = {
  name: 'Card welcome',
  channel: 'push',
  body: 'Your card is ready',
  approval: { state: 'changesPending', ...approval, approvedTitle: 'Welcome', approvedBody: 'Your card is here' },
};
const neverApproved: CreativeSource = {
  name: 'Draft idea',
  channel: 'sms',
  title: 'Hello',
  body: 'Not reviewed',
  approval: { state: 'notApproved' },
};

describe('creativeContentOf', () => {
  it('sends the working words when approval is not required, whatever was approved', () => {
    expect(creativeContentOf(edited, false)).toEqual({
      name: 'Renewal offer',
      channel: 'sms',
      body: 'Unreviewed: 9.9% guaranteed!',
    });
    expect(creativeContentOf(neverApproved, false)).toEqual({
      name: 'Draft idea',
      channel: 'sms',
      title: 'Hello',
      body: 'Not reviewed',
    });
  });

  it('sends the approved words, title included, when approval is required', () => {
    expect(creativeContentOf(edited, true)).toEqual({ name: 'Renewal offer', channel: 'sms', body: 'Renew at 2.6%' });
    expect(creativeContentOf(untitledNow, true)).toEqual({
      name: 'Card welcome',
      channel: 'push',
      title: 'Welcome',
      body: 'Your card is here',
    });
  });

  it('marks a creative never approved as unapproved when approval is required', () => {
    expect(creativeContentOf(neverApproved, true)).toEqual({
      name: 'Draft idea',
      channel: 'sms',
      title: 'Hello',
      body: 'Not reviewed',
      unapproved: true,
    });
  });
});

describe('creativeContents', () => {
  it('maps each creative the messages use and the library has, leaving unknown ids out', () => {
    const library = new Map([
      ['renewal-offer', edited],
      ['draft-idea', neverApproved],
      ['card-welcome', untitledNow],
    ]);
    const document = buildJourney(
      'maturity',
      [
        ['t', 'trigger', { kind: 'event', event: 'maturity_upcoming' }],
        ['offer', 'message', { channel: 'sms', creativeId: 'renewal-offer' }],
        ['idea', 'message', { channel: 'sms', creativeId: 'draft-idea' }],
        ['gone', 'message', { channel: 'sms', creativeId: 'retired' }],
        ['x', 'exit', {}],
      ],
      [],
    );
    const contents = creativeContents(document, (id) => library.get(id), true);
    expect([...contents.keys()]).toEqual(['renewal-offer', 'draft-idea']);
    expect(contents.get('renewal-offer')?.body).toBe('Renew at 2.6%');
    expect(contents.get('draft-idea')?.unapproved).toBe(true);
  });
});
