import type { z } from 'zod';
import type { Channel } from '../model/document';
import { durationParts, parseDuration } from '../time';
import {
  type BenefitConfig,
  benefitConfigSchema,
  type ConditionConfig,
  conditionConfigSchema,
  type ExitConfig,
  exitConfigSchema,
  type MessageConfig,
  messageConfigSchema,
  type SplitConfig,
  splitConfigSchema,
  type TriggerConfig,
  triggerConfigSchema,
  type UpdateProfileConfig,
  updateProfileConfigSchema,
  type WaitConfig,
  type WaitForEventConfig,
  waitConfigSchema,
  waitForEventConfigSchema,
} from './schemas';

export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];
export type LocalizedText = Record<Locale, string>;

export interface HandleSpec {
  id: string;
  label: LocalizedText;
  /** An optional handle may stay unconnected (e.g. a message's `failed`). */
  optional: boolean;
}

export type NodeCategory = 'entry' | 'flow' | 'action' | 'exit';

export interface NodeTypeSpec<Config> {
  type: string;
  category: NodeCategory;
  label: LocalizedText;
  description: LocalizedText;
  configSchema: z.ZodType<Config>;
  defaultConfig: Config;
  /** Whether the node has an input handle (only the trigger has none). */
  hasInput: boolean;
  /** Output handles for a given config: fixed for most types, one per branch or variant for condition and split. */
  outputs(config: Config): HandleSpec[];
  /** A one-line summary for the canvas, e.g. "Wait 2 days". */
  summary(config: Config, locale: Locale): string;
}

const text = (en: string, zh: string): LocalizedText => ({ en, 'zh-CN': zh });
const handle = (id: string, label: LocalizedText, optional = false): HandleSpec => ({ id, label, optional });
const NEXT = handle('next', text('Next', '下一步'));

const unitNames: Record<string, LocalizedText> = {
  years: text('year', '年'),
  months: text('month', '个月'),
  weeks: text('week', '周'),
  days: text('day', '天'),
  hours: text('hour', '小时'),
  minutes: text('minute', '分钟'),
  seconds: text('second', '秒'),
};

/** "2 days 3 hours" / "2 天 3 小时"; the raw text when it does not parse. */
export function formatDuration(iso: string, locale: Locale): string {
  const parsed = parseDuration(iso);
  if (!parsed.ok) return iso;
  return durationParts(parsed.duration)
    .map(({ unit, amount }) => {
      const name = unitNames[unit]?.[locale] ?? unit;
      return locale === 'en' ? `${amount} ${name}${amount === 1 ? '' : 's'}` : `${amount} ${name}`;
    })
    .join(' ');
}

export const channelLabels: Record<Channel, LocalizedText> = {
  sms: text('SMS', '短信'),
  push: text('Push', '推送'),
  wechat: text('WeChat', '微信'),
  email: text('Email', '邮件'),
  inApp: text('In-app', '站内信'),
  callCenter: text('Call center', '外呼'),
  branchTask: text('Branch task', '网点任务'),
  webhook: text('Webhook', 'Webhook'),
};

const weekdayNames: Record<Locale, string[]> = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  'zh-CN': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
};

const windowNames: Record<string, LocalizedText> = {
  rolling: text('', ''),
  naturalWeek: text(' in one calendar week', '（同一自然周）'),
  naturalMonth: text(' in one calendar month', '（同一自然月）'),
};

function truncate(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

export const trigger: NodeTypeSpec<TriggerConfig> = {
  type: 'trigger',
  category: 'entry',
  label: text('Trigger', '触发'),
  description: text(
    'Where customers enter: an event, a segment, or a schedule.',
    '客户进入旅程的方式：事件、分群或定时。',
  ),
  configSchema: triggerConfigSchema,
  defaultConfig: { kind: 'event', event: 'app_login' },
  hasInput: false,
  outputs: () => [NEXT],
  summary(config, locale) {
    if (config.kind === 'event') return locale === 'en' ? `On event ${config.event}` : `事件：${config.event}`;
    if (config.kind === 'segment') return locale === 'en' ? `Segment ${config.segmentId}` : `分群：${config.segmentId}`;
    const when = config.cron ?? config.at ?? '';
    return locale === 'en' ? `Scheduled ${when}` : `定时：${when}`;
  },
};

export const wait: NodeTypeSpec<WaitConfig> = {
  type: 'wait',
  category: 'flow',
  label: text('Wait', '等待'),
  description: text('Pause for a while, or until a time of day.', '等待一段时间，或等到某个时刻。'),
  configSchema: waitConfigSchema,
  defaultConfig: { duration: 'P1D' },
  hasInput: true,
  outputs: () => [NEXT],
  summary(config, locale) {
    if ('duration' in config) {
      return locale === 'en'
        ? `Wait ${formatDuration(config.duration, locale)}`
        : `等待 ${formatDuration(config.duration, locale)}`;
    }
    const days = config.until.weekdays?.map((day) => weekdayNames[locale][day - 1]).join(locale === 'en' ? ', ' : '、');
    return locale === 'en'
      ? `Until ${config.until.time}${days ? ` on ${days}` : ''}`
      : `等到${days ? `${days} ` : ''}${config.until.time}`;
  },
};

export const waitForEvent: NodeTypeSpec<WaitForEventConfig> = {
  type: 'waitForEvent',
  category: 'flow',
  label: text('Wait for event', '等待事件'),
  description: text(
    'Wait until the customer does something (optionally several times), or time out.',
    '等待客户行为（可要求多次），超时则走超时分支。',
  ),
  configSchema: waitForEventConfigSchema,
  defaultConfig: { event: 'card_transaction', within: 'P7D' },
  hasInput: true,
  outputs: () => [handle('matched', text('Matched', '命中')), handle('timeout', text('Timeout', '超时'))],
  summary(config, locale) {
    const count = config.count ?? 1;
    const within = formatDuration(config.within, locale);
    const window = windowNames[config.window ?? 'rolling']?.[locale] ?? '';
    return locale === 'en'
      ? `${config.event}${count > 1 ? ` ×${count}` : ''} within ${within}${window}`
      : `${within}内 ${config.event}${count > 1 ? ` ×${count}` : ''}${window}`;
  },
};

export const condition: NodeTypeSpec<ConditionConfig> = {
  type: 'condition',
  category: 'flow',
  label: text('Condition', '条件分支'),
  description: text('Send customers down the first branch whose rule matches.', '按第一个满足的条件分流客户。'),
  configSchema: conditionConfigSchema,
  defaultConfig: { branches: [{ id: 'yes', label: 'Yes', when: { attr: 'age', op: 'gte', value: 18 } }] },
  hasInput: true,
  outputs: (config) => [
    ...config.branches.map((branch) => handle(branch.id, text(branch.label ?? branch.id, branch.label ?? branch.id))),
    handle('else', text('Else', '其他')),
  ],
  summary(config, locale) {
    const names = config.branches.map((branch) => branch.label ?? branch.id).join(' / ');
    return truncate(locale === 'en' ? `${names} / else` : `${names} / 其他`);
  },
};

export const split: NodeTypeSpec<SplitConfig> = {
  type: 'split',
  category: 'flow',
  label: text('A/B split', 'A/B 分流'),
  description: text(
    'Assign each customer to a variant by weight; the assignment is stable per customer.',
    '按权重把客户随机分到各组，同一客户总在同一组。',
  ),
  configSchema: splitConfigSchema,
  defaultConfig: {
    variants: [
      { id: 'A', label: 'A', weight: 50 },
      { id: 'B', label: 'B', weight: 50 },
    ],
  },
  hasInput: true,
  outputs: (config) =>
    config.variants.map((variant) =>
      handle(variant.id, text(variant.label ?? variant.id, variant.label ?? variant.id)),
    ),
  summary: (config) =>
    truncate(config.variants.map((variant) => `${variant.label ?? variant.id} ${variant.weight}%`).join(' / '), 48),
};

export const message: NodeTypeSpec<MessageConfig> = {
  type: 'message',
  category: 'action',
  label: text('Message', '消息'),
  description: text(
    'Send a message through a channel; the text may use {{profile.name}}.',
    '通过渠道发送消息，正文可引用 {{profile.name}}。',
  ),
  configSchema: messageConfigSchema,
  defaultConfig: { channel: 'sms', template: { body: 'Hello {{profile.name}}' } },
  hasInput: true,
  outputs: () => [handle('sent', text('Sent', '已发送')), handle('failed', text('Failed', '失败'), true)],
  summary(config, locale) {
    const { template, creativeId = '' } = config;
    const text = template
      ? (template.title ?? template.body)
      : locale === 'en'
        ? `creative "${creativeId}"`
        : `素材 "${creativeId}"`;
    return truncate(`${channelLabels[config.channel][locale]}: ${text}`);
  },
};

export const benefit: NodeTypeSpec<BenefitConfig> = {
  type: 'benefit',
  category: 'action',
  label: text('Benefit', '权益'),
  description: text(
    'Grant a coupon, points or cash-back from a pool with a budget.',
    '从有预算的权益池发放优惠券、积分或返现。',
  ),
  configSchema: benefitConfigSchema,
  defaultConfig: { poolId: 'welcome-coupon', quantity: 1 },
  hasInput: true,
  outputs: () => [handle('granted', text('Granted', '已发放')), handle('unavailable', text('Unavailable', '不可用'))],
  summary: (config, locale) =>
    locale === 'en'
      ? `Grant ${config.quantity ?? 1} × ${config.poolId}`
      : `发放 ${config.quantity ?? 1} × ${config.poolId}`,
};

export const updateProfile: NodeTypeSpec<UpdateProfileConfig> = {
  type: 'updateProfile',
  category: 'action',
  label: text('Update profile', '更新画像'),
  description: text('Set attributes or add and remove tags on the customer.', '设置客户属性或增删标签。'),
  configSchema: updateProfileConfigSchema,
  defaultConfig: { addTags: ['contacted'] },
  hasInput: true,
  outputs: () => [NEXT],
  summary(config) {
    const parts = [
      ...Object.entries(config.set ?? {}).map(([key, value]) => `${key}=${String(value)}`),
      ...(config.addTags ?? []).map((tag) => `+#${tag}`),
      ...(config.removeTags ?? []).map((tag) => `-#${tag}`),
    ];
    return truncate(parts.join(' '));
  },
};

export const exit: NodeTypeSpec<ExitConfig> = {
  type: 'exit',
  category: 'exit',
  label: text('Exit', '退出'),
  description: text('The customer leaves the journey here.', '客户在此离开旅程。'),
  configSchema: exitConfigSchema,
  defaultConfig: {},
  hasInput: true,
  outputs: () => [],
  summary: (config, locale) => config.reason ?? (locale === 'en' ? 'Leave the journey' : '离开旅程'),
};

/** Config type of each node type, keyed by the type name used in documents. */
export interface NodeConfigs {
  trigger: TriggerConfig;
  wait: WaitConfig;
  waitForEvent: WaitForEventConfig;
  condition: ConditionConfig;
  split: SplitConfig;
  message: MessageConfig;
  benefit: BenefitConfig;
  updateProfile: UpdateProfileConfig;
  exit: ExitConfig;
}
export type NodeType = keyof NodeConfigs;

/** The one list of node types: the designer's palette, the validator and the compiler all read it. */
export const catalog: { [Type in NodeType]: NodeTypeSpec<NodeConfigs[Type]> } = {
  trigger,
  wait,
  waitForEvent,
  condition,
  split,
  message,
  benefit,
  updateProfile,
  exit,
};

export const nodeTypes = Object.keys(catalog) as NodeType[];

export function isNodeType(type: string): type is NodeType {
  return Object.hasOwn(catalog, type);
}

/** The spec of `type` with its config type erased, for code that handles every type alike. */
export function nodeSpec(type: NodeType): NodeTypeSpec<unknown> {
  return catalog[type] as unknown as NodeTypeSpec<unknown>;
}

export type ConfigParse<Config> = { ok: true; config: Config } | { ok: false; issues: z.core.$ZodIssue[] };

/** Checks a node's config against its type's schema; unknown types are the validator's concern. */
export function parseNodeConfig<Type extends NodeType>(type: Type, config: unknown): ConfigParse<NodeConfigs[Type]> {
  const result = catalog[type].configSchema.safeParse(config);
  return result.success ? { ok: true, config: result.data } : { ok: false, issues: result.error.issues };
}
