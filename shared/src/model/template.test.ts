import { describe, expect, it } from 'vitest';
import { renderTemplate, templatePlaceholders } from './template';

describe('message templates', () => {
  it('fills profile and event placeholders, including nested paths', () => {
    expect(
      renderTemplate('Hi {{profile.name}}, you spent ¥{{ event.amount }} at {{event.merchant.name}}', {
        profile: { name: 'Li Wei' },
        event: { amount: 120, merchant: { name: 'Coffee' } },
      }),
    ).toBe('Hi Li Wei, you spent ¥120 at Coffee');
  });

  it('renders missing values as empty text', () => {
    expect(renderTemplate('Dear {{profile.name}}!', { profile: {} })).toBe('Dear !');
  });

  it('lists the placeholders a template uses', () => {
    expect(templatePlaceholders('{{profile.name}} {{event.amount}} {{other.x}}')).toEqual([
      'profile.name',
      'event.amount',
    ]);
  });
});
