import { describe, expect, it } from 'vitest';
import { catalog, formatDuration, locales, nodeSpec, nodeTypes, parseNodeConfig } from './catalog';

describe('node catalog', () => {
  it('lists every node type of the design', () => {
    expect(nodeTypes).toEqual([
      'trigger',
      'wait',
      'waitForEvent',
      'condition',
      'split',
      'message',
      'benefit',
      'updateProfile',
      'exit',
    ]);
  });

  it.each(nodeTypes)('%s: its default config is valid, labelled in every locale and summarised', (type) => {
    const spec = nodeSpec(type);
    expect(parseNodeConfig(type, spec.defaultConfig).ok).toBe(true);
    for (const locale of locales) {
      expect(spec.label[locale]).not.toBe('');
      expect(spec.description[locale]).not.toBe('');
      expect(spec.summary(spec.defaultConfig, locale)).not.toBe('');
      for (const handle of spec.outputs(spec.defaultConfig)) expect(handle.label[locale]).not.toBe('');
    }
  });

  it('derives handles from the config for conditions and splits', () => {
    expect(
      catalog.condition.outputs({ branches: [{ id: 'vip', when: { hasTag: 'vip' } }] }).map((handle) => handle.id),
    ).toEqual(['vip', 'else']);
    expect(
      catalog.split
        .outputs({
          variants: [
            { id: 'A', weight: 90 },
            { id: 'ctl', weight: 10, control: true },
          ],
        })
        .map((handle) => handle.id),
    ).toEqual(['A', 'ctl']);
    expect(catalog.message.outputs({ channel: 'sms', template: { body: 'x' } })).toMatchObject([
      { id: 'sent', optional: false },
      { id: 'failed', optional: true },
    ]);
  });

  it('summarises configs in plain words', () => {
    expect(catalog.wait.summary({ duration: 'P2D' }, 'en')).toBe('Wait 2 days');
    expect(catalog.wait.summary({ duration: 'PT1H30M' }, 'zh-CN')).toBe('等待 1 小时 30 分钟');
    expect(
      catalog.split.summary(
        {
          variants: [
            { id: 'A', weight: 50 },
            { id: 'B', weight: 40 },
            { id: 'C', label: 'Control', weight: 10 },
          ],
        },
        'en',
      ),
    ).toBe('A 50% / B 40% / Control 10%');
    expect(catalog.message.summary({ channel: 'sms', template: { body: 'Welcome {{profile.name}}' } }, 'en')).toBe(
      'SMS: Welcome {{profile.name}}',
    );
    expect(catalog.message.summary({ channel: 'sms', creativeId: 'renewal-offer' }, 'en')).toBe(
      'SMS: creative "renewal-offer"',
    );
    expect(formatDuration('P1W', 'en')).toBe('1 week');
  });

  it('rejects bad configs with the field at fault', () => {
    const result = parseNodeConfig('waitForEvent', { event: 'login', within: 'soon' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toEqual(['within']);
  });
});
