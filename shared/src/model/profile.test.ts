import { describe, expect, it } from 'vitest';
import { applyProfileUpdate } from './profile';

describe('applyProfileUpdate', () => {
  it('sets attributes, deletes those set to null, adds then removes tags, keeping other fields', () => {
    const updated = applyProfileUpdate(
      { id: 'c1', attributes: { tier: 'gold', dormant: true, age: 40 }, tags: ['vip', 'dormant'] },
      { set: { tier: 'platinum', dormant: null }, addTags: ['contacted', 'vip'], removeTags: ['dormant'] },
    );
    expect(updated).toEqual({ id: 'c1', attributes: { tier: 'platinum', age: 40 }, tags: ['vip', 'contacted'] });
  });

  it('leaves the profile it was given untouched', () => {
    const profile = { attributes: { a: 1 }, tags: ['x'] };
    applyProfileUpdate(profile, { set: { a: 2 }, addTags: ['y'], removeTags: ['x'] });
    expect(profile).toEqual({ attributes: { a: 1 }, tags: ['x'] });
  });
});
