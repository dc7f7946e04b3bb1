import { describe, expect, it } from 'vitest';
import { buildJourney } from '../model/build';
import type { JourneyDocument } from '../model/document';
import { suggestTemplateParameters } from './suggest';
import {
  instantiateTemplate,
  type JourneyTemplate,
  localizedTemplate,
  parseJourneyTemplate,
  type TemplateParameter,
  templateDefaults,
} from './template';

const labels: Record<string, string> = {
  'maturity-upcoming': 'Wealth product maturing',
  'due-soon': 'Due within 7 days?',
  'renewal-offer-sms': 'Renewal offer SMS',
  'wait-reply': 'Reply in 2 days',
  'rm-task': 'RM call task',
  'grant-points': 'Grant points',
  cooldown: 'Cool down',
  done: 'Done',
};

/** Shaped like the wealth-maturity sample: an event trigger, a threshold, messages, a reply wait, a benefit. */
const example: JourneyDocument = (() => {
  const document = buildJourney(
    'wealth-maturity',
    [
      ['maturity-upcoming', 'trigger', { kind: 'event', event: 'wealth_maturity_upcoming' }],
      ['due-soon', 'condition', { branches: [{ id: 'soon', when: { event: 'daysToMaturity', op: 'lte', value: 7 } }] }],
      [
        'renewal-offer-sms',
        'message',
        { channel: 'sms', template: { body: 'Reply 1 to renew {{event.productName}}' } },
      ],
      ['wait-reply', 'waitForEvent', { event: 'sms_reply', within: 'P2D' }],
      [
        'rm-task',
        'message',
        { channel: 'branchTask', template: { title: 'Call back', body: 'Call {{profile.name}}' } },
      ],
      ['grant-points', 'benefit', { poolId: 'renewal-points' }],
      ['cooldown', 'wait', { duration: 'P1D' }],
      ['done', 'exit', {}],
    ],
    [
      ['maturity-upcoming', 'next', 'due-soon'],
      ['due-soon', 'soon', 'renewal-offer-sms'],
      ['due-soon', 'else', 'done'],
      ['renewal-offer-sms', 'sent', 'wait-reply'],
      ['wait-reply', 'matched', 'grant-points'],
      ['wait-reply', 'timeout', 'rm-task'],
      ['grant-points', 'granted', 'cooldown'],
      ['grant-points', 'unavailable', 'done'],
      ['rm-task', 'sent', 'done'],
      ['cooldown', 'next', 'done'],
    ],
    { goal: { event: 'sms_reply', within: 'P3D', exitOnGoal: true }, exitWhen: { event: 'account_closed' } },
  );
  return { ...document, nodes: document.nodes.map((node) => ({ ...node, label: labels[node.id] })) };
})();

const parameters: TemplateParameter[] = [
  {
    key: 'triggerEvent',
    label: 'Event that starts it',
    kind: 'event',
    targets: ['nodes.maturity-upcoming.config.event'],
  },
  {
    key: 'replyEvent',
    label: 'Reply event',
    kind: 'event',
    targets: ['nodes.wait-reply.config.event', 'settings.goal.event'],
  },
  { key: 'offerText', label: 'Offer text', kind: 'text', targets: ['nodes.renewal-offer-sms.config.template.body'] },
  { key: 'pool', label: 'Points pool', kind: 'benefitPool', targets: ['nodes.grant-points.config.poolId'] },
  { key: 'replyWindow', label: 'Time to reply', kind: 'duration', targets: ['nodes.wait-reply.config.within'] },
  {
    key: 'dueDays',
    label: 'Days before maturity',
    kind: 'number',
    targets: ['nodes.due-soon.config.branches.0.when.value'],
  },
];

function parsed(json: unknown): JourneyTemplate {
  const result = parseJourneyTemplate(json);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.template;
}

const template = parsed({
  id: 'maturity',
  name: 'Maturity reminder',
  category: 'Wealth',
  parameters,
  document: example,
});

function instantiated(values: Record<string, unknown>): JourneyDocument {
  const result = instantiateTemplate(template, { id: 'copy', name: 'Copy', parameters: values });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.document;
}

function issuePaths(result: { ok: true } | { ok: false; issues: Array<{ path: string }> }): string[] {
  return result.ok ? [] : result.issues.map((issue) => issue.path);
}

describe('parseJourneyTemplate', () => {
  it('reads a template and its document', () => {
    expect(template).toEqual({
      id: 'maturity',
      name: 'Maturity reminder',
      category: 'Wealth',
      parameters,
      document: example,
    });
  });

  it('names the target that does not resolve or holds a value of the wrong type', () => {
    const result = parseJourneyTemplate({
      id: 'bad',
      name: 'Bad',
      document: example,
      parameters: [
        {
          key: 'a',
          label: 'A',
          kind: 'event',
          targets: ['nodes.maturity-upcoming.config.event', 'nodes.nope.config.event'],
        },
        { key: 'b', label: 'B', kind: 'text', targets: ['nodes.due-soon.config.branches.3.when.value'] },
        { key: 'c', label: 'C', kind: 'number', targets: ['nodes.wait-reply.config.within'] },
        { key: 'd', label: 'D', kind: 'text', targets: ['nodes.due-soon.config.branches.0.when.value'] },
        {
          key: 'e',
          label: 'E',
          kind: 'text',
          targets: ['edges.0.target', 'nodes.done.position.x', 'settings.timezone'],
        },
        { key: 'f', label: 'F', kind: 'text', targets: ['nodes.rm-task.config.template.__proto__'] },
      ],
    });
    expect(issuePaths(result)).toEqual([
      'parameters.0.targets.1',
      'parameters.1.targets.0',
      'parameters.2.targets.0',
      'parameters.3.targets.0',
      'parameters.4.targets.0',
      'parameters.4.targets.1',
      'parameters.5.targets.0',
    ]);
  });

  it('refuses a target claimed by two parameters and a key used twice', () => {
    const result = parseJourneyTemplate({
      id: 'twice',
      name: 'Twice',
      document: example,
      parameters: [
        { key: 'event', label: 'A', kind: 'event', targets: ['nodes.maturity-upcoming.config.event'] },
        { key: 'event', label: 'B', kind: 'event', targets: ['settings.exitWhen.event'] },
        { key: 'other', label: 'C', kind: 'event', targets: ['nodes.maturity-upcoming.config.event'] },
      ],
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'parameters.1.key', message: 'parameter 0 already uses "event"' },
        {
          path: 'parameters.2.targets.0',
          message: '"nodes.maturity-upcoming.config.event" is already set by parameter "event"',
        },
      ],
    });
  });

  it('names the field of malformed parameters and of a malformed document', () => {
    const malformed = parseJourneyTemplate({
      id: 'has space',
      name: 'X',
      document: example,
      parameters: [{ key: '1st', label: '', kind: 'colour', targets: [] }],
    });
    expect(issuePaths(malformed)).toEqual([
      'id',
      'parameters.0.key',
      'parameters.0.label',
      'parameters.0.kind',
      'parameters.0.targets',
    ]);
    const badDocument = parseJourneyTemplate({
      id: 't',
      name: 'T',
      parameters: [],
      document: { ...example, name: '' },
    });
    expect(issuePaths(badDocument)).toEqual(['document.name']);
  });

  it('reads translations and names a translated parameter the template lacks, a locale it does not know and an empty label', () => {
    const translations = {
      'zh-CN': { name: '理财到期提醒', parameters: { offerText: { label: '续作短信内容' } } },
    };
    expect(parsed({ id: 'maturity', name: 'Maturity reminder', parameters, translations, document: example })).toEqual({
      id: 'maturity',
      name: 'Maturity reminder',
      parameters,
      translations,
      document: example,
    });
    const unknownKey = parseJourneyTemplate({
      id: 'maturity',
      name: 'Maturity reminder',
      parameters,
      translations: {
        'zh-CN': { parameters: { offerText: { hint: '可用 {{profile.name}}' }, offerTxt: { label: '短信' } } },
      },
      document: example,
    });
    expect(unknownKey).toEqual({
      ok: false,
      issues: [{ path: 'translations.zh-CN.parameters.offerTxt', message: 'the template has no parameter "offerTxt"' }],
    });
    const malformed = parseJourneyTemplate({
      id: 'maturity',
      name: 'Maturity reminder',
      parameters,
      translations: { fr: { name: 'Rappel' }, 'zh-CN': { parameters: { offerText: { label: ' ' } }, colour: '红' } },
      document: example,
    });
    expect(issuePaths(malformed)).toEqual([
      'translations.zh-CN.parameters.offerText.label',
      'translations.zh-CN',
      'translations',
    ]);
  });
});

describe('localizedTemplate', () => {
  const translated = parsed({
    id: 'maturity',
    name: 'Maturity reminder',
    description: 'Remind customers before maturity.',
    category: 'Wealth',
    parameters: [
      {
        key: 'offerText',
        label: 'Offer text',
        hint: 'May use {{profile.name}}.',
        kind: 'text',
        targets: parameters[2]!.targets,
      },
      {
        key: 'pool',
        label: 'Points pool',
        hint: 'Points for a renewal.',
        kind: 'benefitPool',
        targets: parameters[3]!.targets,
      },
      { key: 'replyWindow', label: 'Time to reply', kind: 'duration', targets: parameters[4]!.targets },
    ],
    translations: {
      'zh-CN': {
        name: '理财到期提醒',
        category: '财富管理',
        parameters: {
          offerText: { label: '续作短信内容', hint: '可使用 {{profile.name}}。' },
          pool: { label: '积分权益池' },
        },
      },
    },
    document: example,
  });

  it("shows each field in the locale where translated and in the template's own words where not", () => {
    const chinese = localizedTemplate(translated, 'zh-CN');
    expect(chinese).toMatchObject({
      id: 'maturity',
      name: '理财到期提醒',
      description: 'Remind customers before maturity.',
      category: '财富管理',
      document: example,
    });
    expect(chinese.parameters).toEqual([
      { ...translated.parameters[0], label: '续作短信内容', hint: '可使用 {{profile.name}}。' },
      { ...translated.parameters[1], label: '积分权益池', hint: 'Points for a renewal.' },
      translated.parameters[2],
    ]);
  });

  it('leaves a template alone in a locale it has no translation for, and the template itself unchanged', () => {
    expect(localizedTemplate(translated, 'en')).toBe(translated);
    expect(localizedTemplate(template, 'zh-CN')).toBe(template);
    expect(translated.name).toBe('Maturity reminder');
    expect(translated.parameters[0]?.label).toBe('Offer text');
  });
});

describe('templateDefaults and instantiateTemplate', () => {
  it('reads each default from the first target, and with no values reproduces the example under a new id and name', () => {
    expect(templateDefaults(template)).toEqual({
      triggerEvent: 'wealth_maturity_upcoming',
      replyEvent: 'sms_reply',
      offerText: 'Reply 1 to renew {{event.productName}}',
      pool: 'renewal-points',
      replyWindow: 'P2D',
      dueDays: 7,
    });
    expect(instantiated({})).toEqual({ ...example, id: 'copy', name: 'Copy' });
  });

  it('writes each value to every target of its parameter and leaves the template alone', () => {
    const document = instantiated({ replyEvent: 'sms_answer', dueDays: 10, replyWindow: 'PT12H' });
    const config = (id: string) => document.nodes.find((node) => node.id === id)?.config;
    expect(config('wait-reply')).toEqual({ event: 'sms_answer', within: 'PT12H' });
    expect(document.settings.goal?.event).toBe('sms_answer');
    expect(config('due-soon')).toMatchObject({ branches: [{ when: { value: 10 } }] });
    expect(templateDefaults(template).replyEvent).toBe('sms_reply');
  });

  it.each([
    ['triggerEvent', 'journey.entered', 'reserved'],
    ['triggerEvent', 42, 'enter text'],
    ['offerText', '   ', 'cannot be empty'],
    ['pool', '', 'cannot be empty'],
    ['replyWindow', '2 days', 'not an ISO-8601 duration'],
    ['replyWindow', 'P11Y', 'longer than a journey may wait'],
    ['dueDays', '7', 'enter a number'],
    ['dueDays', Number.POSITIVE_INFINITY, 'enter a number'],
  ])('refuses %s = %j at parameters.%s', (key, value, message) => {
    const result = instantiateTemplate(template, { id: 'copy', name: 'Copy', parameters: { [key]: value } });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: `parameters.${key}`, message: expect.stringContaining(message) }],
    });
  });

  it('reads only the values given, never what every object inherits', () => {
    const inherited = parsed({
      id: 'inherited',
      name: 'Inherited',
      document: example,
      parameters: [
        { key: 'constructor', label: 'Text', kind: 'text', targets: ['nodes.rm-task.config.template.body'] },
      ],
    });
    expect(instantiateTemplate(inherited, { id: 'copy', name: 'Copy', parameters: {} })).toMatchObject({ ok: true });
  });

  it('blames a value that makes its node invalid, an unknown parameter, and a bad id or name', () => {
    const titled = parsed({
      id: 'titled',
      name: 'Titled',
      document: example,
      parameters: [{ key: 'title', label: 'Title', kind: 'text', targets: ['nodes.rm-task.config.template.title'] }],
    });
    const result = instantiateTemplate(titled, {
      id: 'no spaces allowed',
      name: '',
      parameters: { title: 'x'.repeat(201), colour: 'blue' },
    });
    expect(issuePaths(result)).toEqual(['id', 'name', 'parameters.colour', 'parameters.title']);
  });
});

describe('suggestTemplateParameters', () => {
  const suggested = suggestTemplateParameters(example);

  it('suggests events (all their places), texts, pools and durations, labelled by node', () => {
    expect(suggested).toEqual([
      {
        key: 'wealthMaturityUpcomingEvent',
        label: 'Event of "Wealth product maturing"',
        kind: 'event',
        targets: ['nodes.maturity-upcoming.config.event'],
      },
      {
        key: 'renewalOfferSmsText',
        label: 'Text of "Renewal offer SMS"',
        kind: 'text',
        targets: ['nodes.renewal-offer-sms.config.template.body'],
      },
      {
        key: 'smsReplyEvent',
        label: 'Event of "Reply in 2 days" and the goal',
        kind: 'event',
        targets: ['nodes.wait-reply.config.event', 'settings.goal.event'],
      },
      {
        key: 'waitReplyWithin',
        label: 'Time limit of "Reply in 2 days"',
        kind: 'duration',
        targets: ['nodes.wait-reply.config.within'],
      },
      {
        key: 'rmTaskTitle',
        label: 'Title of "RM call task"',
        kind: 'text',
        targets: ['nodes.rm-task.config.template.title'],
      },
      {
        key: 'rmTaskText',
        label: 'Text of "RM call task"',
        kind: 'text',
        targets: ['nodes.rm-task.config.template.body'],
      },
      {
        key: 'renewalPointsBenefitPool',
        label: 'Benefit pool of "Grant points"',
        kind: 'benefitPool',
        targets: ['nodes.grant-points.config.poolId'],
      },
      {
        key: 'cooldownDuration',
        label: 'Wait of "Cool down"',
        kind: 'duration',
        targets: ['nodes.cooldown.config.duration'],
      },
      { key: 'goalWithin', label: 'Time limit of the goal', kind: 'duration', targets: ['settings.goal.within'] },
      {
        key: 'accountClosedEvent',
        label: 'Event of the exit rule',
        kind: 'event',
        targets: ['settings.exitWhen.event'],
      },
    ]);
  });

  it('suggests segments, and makes a template whose defaults reproduce the document', () => {
    const segmentJourney = buildJourney(
      'payroll',
      [
        ['payroll-customers', 'trigger', { kind: 'segment', segmentId: 'payroll' }],
        ['x', 'exit', {}],
      ],
      [['payroll-customers', 'next', 'x']],
    );
    expect(suggestTemplateParameters(segmentJourney)).toEqual([
      {
        key: 'payrollSegment',
        label: 'Segment of "payroll-customers"',
        kind: 'segment',
        targets: ['nodes.payroll-customers.config.segmentId'],
      },
    ]);
    const fromSuggestions = parsed({ id: 'suggested', name: 'Suggested', parameters: suggested, document: example });
    const result = instantiateTemplate(fromSuggestions, {
      id: example.id,
      name: example.name,
      parameters: templateDefaults(fromSuggestions),
    });
    expect(result).toEqual({ ok: true, document: example });
  });
});
