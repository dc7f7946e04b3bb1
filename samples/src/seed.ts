/**
 * Seed data for demos and load: synthetic retail-bank customer profiles (deterministic by seed),
 * the bank marketing data set, and the benefit pools the sample journeys grant from. Everything goes
 * through the runtime's public API; customer files are streamed, never held in memory.
 */
import { createReadStream, existsSync } from 'node:fs';
import { type RuntimeApi, RuntimeHttpError } from './api';
import { amount, between, createRandom, demoCustomerId, pick, type Random } from './traffic';

export interface CustomerProfile {
  id: string;
  tags: string[];
  attributes: Record<string, unknown>;
}

/** What `POST /v1/customers/import` reports. */
export interface ImportResult {
  imported: number;
  updated: number;
  rejected: Array<{ row: number; message: string }>;
}

/** Common surnames and given names, in characters and pinyin. */
const surnames = [
  ['王', 'Wang'],
  ['李', 'Li'],
  ['张', 'Zhang'],
  ['刘', 'Liu'],
  ['陈', 'Chen'],
  ['杨', 'Yang'],
  ['黄', 'Huang'],
  ['赵', 'Zhao'],
  ['吴', 'Wu'],
  ['周', 'Zhou'],
  ['徐', 'Xu'],
  ['孙', 'Sun'],
  ['马', 'Ma'],
  ['朱', 'Zhu'],
  ['胡', 'Hu'],
  ['郭', 'Guo'],
  ['林', 'Lin'],
  ['何', 'He'],
] as const;
const givenNames = [
  ['伟', 'Wei'],
  ['芳', 'Fang'],
  ['娜', 'Na'],
  ['敏', 'Min'],
  ['静', 'Jing'],
  ['磊', 'Lei'],
  ['洋', 'Yang'],
  ['艳', 'Yan'],
  ['勇', 'Yong'],
  ['军', 'Jun'],
  ['杰', 'Jie'],
  ['婷', 'Ting'],
  ['强', 'Qiang'],
  ['秀英', 'Xiuying'],
  ['志强', 'Zhiqiang'],
  ['晓明', 'Xiaoming'],
  ['建华', 'Jianhua'],
  ['雪梅', 'Xuemei'],
] as const;

/** Cities with a short code for relationship-manager ids, and a few sub-branches (支行) each. */
export const cities = [
  { city: '上海', code: 'SH', branches: ['陆家嘴支行', '徐家汇支行', '静安支行'] },
  { city: '北京', code: 'BJ', branches: ['国贸支行', '中关村支行', '西单支行'] },
  { city: '深圳', code: 'SZ', branches: ['福田支行', '南山支行'] },
  { city: '广州', code: 'GZ', branches: ['天河支行', '越秀支行'] },
  { city: '杭州', code: 'HZ', branches: ['西湖支行', '滨江支行'] },
  { city: '成都', code: 'CD', branches: ['锦江支行', '高新支行'] },
] as const;

function chineseName(random: Random): { name: string; namePinyin: string } {
  const [surname, surnamePinyin] = pick(random, surnames);
  const [given, givenPinyin] = pick(random, givenNames);
  return { name: `${surname}${given}`, namePinyin: `${surnamePinyin} ${givenPinyin}` };
}

/** A sub-branch's id, as customers' `branch` attribute names it (tasks and org metrics look it up). */
export const subBranchId = (city: string, branch: string) => `${city}${branch}`;

/** The relationship manager `number` (1–9) of a city's sub-branch `branchIndex`, e.g. `RM-SH-013`. */
export const rmId = (code: string, branchIndex: number, number: number) =>
  `RM-${code}-${String(branchIndex * 10 + number).padStart(3, '0')}`;

/** An RM's name follows from their id, so every customer of theirs and the staff list agree on it. */
const rmName = (id: string) =>
  chineseName(createRandom([...id].reduce((hash, char) => hash * 31 + char.charCodeAt(0), 7)));

function syntheticProfile(random: Random, id: string): CustomerProfile {
  const { name, namePinyin } = chineseName(random);
  const { city, code, branches } = pick(random, cities);
  const branchIndex = between(random, 0, branches.length - 1);
  const branch = branches[branchIndex] ?? branches[0];
  const rm = rmId(code, branchIndex, between(random, 1, 9));
  const payroll = random() < 0.4;
  const cardHolder = random() < 0.55;
  const wealth = random() < 0.25;
  // About one customer in five has not opened the app for 90 days or more (the dormant sample's audience).
  const daysSinceLastLogin = random() < 0.2 ? between(random, 90, 720) : between(random, 0, 89);
  const attributes: Record<string, unknown> = {
    name,
    namePinyin,
    age: between(random, 22, 68),
    city,
    branch: subBranchId(city, branch),
    // The relationship manager (客户经理) at the customer's branch.
    rm,
    rmName: rmName(rm).name,
    depositBalance: amount(random, 500, 2_000_000),
    days_since_last_login: daysSinceLastLogin,
    ...(payroll ? { monthlySalary: Math.round(amount(random, 4_000, 60_000)) } : {}),
    ...(cardHolder ? { creditLimit: pick(random, [10_000, 20_000, 50_000, 100_000] as const) } : {}),
    ...(wealth ? { wealthBalance: amount(random, 50_000, 5_000_000) } : {}),
  };
  const tags = [...(payroll ? ['payroll'] : []), ...(cardHolder ? ['card_holder'] : []), ...(wealth ? ['wealth'] : [])];
  return { id, tags, attributes };
}

/** Profiles for `demo-1` … `demo-<count>`, the customers the traffic generator sends events for. */
export function* syntheticProfiles({ seed, count }: { seed: number; count: number }): Generator<CustomerProfile> {
  const random = createRandom(seed);
  for (let n = 1; n <= count; n++) yield syntheticProfile(random, demoCustomerId(n));
}

async function* ndjson(profiles: Iterable<CustomerProfile>): AsyncGenerator<string> {
  for (const { id, tags, attributes } of profiles) yield `${JSON.stringify({ ...attributes, id, tags })}\n`;
}

/** Upserts synthetic profiles through the NDJSON import, streamed. */
export function seedProfiles(api: RuntimeApi, options: { seed: number; count: number }): Promise<ImportResult> {
  return api.request<ImportResult>('POST', '/v1/customers/import?idColumn=id', {
    stream: ndjson(syntheticProfiles(options)),
    contentType: 'application/x-ndjson',
  });
}

/**
 * Streams a CSV file in the format of `../shared/data/bank-marketing.csv` (header row, no id column),
 * so its customers get their data-row numbers as ids: `1` … `41188`.
 */
export async function importBankMarketing(api: RuntimeApi, path: string): Promise<ImportResult> {
  if (!existsSync(path)) throw new Error(`No bank marketing CSV at ${path}`);
  return api.request<ImportResult>('POST', '/v1/customers/import', {
    stream: createReadStream(path),
    contentType: 'text/csv',
  });
}

/**
 * The benefit pools the sample journeys grant from. The welcome pack is one grant of 6 coupons, so its
 * per-customer limit must allow 6 at once.
 */
export const samplePools = [
  { id: 'welcome-coupons', name: '联名卡新户礼券', budget: 30_000, perCustomerLimit: 6, perCustomerPeriod: 'ever' },
  { id: 'weekly-bonus-coupon', name: '周周刷奖励券', budget: 5_000, perCustomerLimit: 1, perCustomerPeriod: 'week' },
  { id: 'payroll-cashback', name: '代发客户30元返现', budget: 5_000, perCustomerLimit: 1, perCustomerPeriod: 'ever' },
  { id: 'reactivation-points', name: '回归礼积分', budget: 5_000, perCustomerLimit: 1, perCustomerPeriod: 'ever' },
] as const;

/** The segments the sample journeys enter from, under the ids the samples name. */
export const sampleSegments = [
  { id: 'payroll-customers', name: '代发工资客户 Payroll customers', condition: { hasTag: 'payroll' } },
  {
    id: 'telemarketing-prospects',
    name: '定期存款外呼名单 Term-deposit prospects',
    condition: {
      all: [
        { attr: 'age', op: 'between', value: [25, 60] },
        { attr: 'job', op: 'in', value: ['admin.', 'technician', 'management', 'services'] },
        { attr: 'contact', op: 'eq', value: 'cellular' },
        { attr: 'default', op: 'eq', value: 'no' },
      ],
    },
  },
] as const;

/** Creates what does not exist yet (409 means it does, and is left as it is); returns the ids created. */
async function createMissing(api: RuntimeApi, path: string, items: ReadonlyArray<{ id: string }>): Promise<string[]> {
  const created: string[] = [];
  for (const item of items) {
    try {
      await api.request('POST', path, { json: item });
      created.push(item.id);
    } catch (error) {
      if (!(error instanceof RuntimeHttpError && error.status === 409)) throw error;
    }
  }
  return created;
}

/** What the demo bank pays per message and per benefit unit, in yuan: ROI and cost per conversion use them. */
export const sampleUnitCosts = {
  channels: {
    sms: 0.05,
    push: 0.002,
    wechat: 0.01,
    email: 0.001,
    inApp: 0,
    callCenter: 3.5,
    branchTask: 8,
    webhook: 0,
  },
  benefitPools: { 'welcome-coupons': 5, 'weekly-bonus-coupon': 10, 'payroll-cashback': 30, 'reactivation-points': 2 },
} as const;

/** The demo bank: a head office, a branch (分行) per city, the sub-branches customers belong to, nine RMs each. */
export function sampleOrganisation() {
  const units = [
    { id: 'HO', name: '总行 Head office', kind: 'headOffice', parentId: null },
    ...cities.flatMap(({ city, code, branches }) => [
      { id: `BR-${code}`, name: `${city}分行`, kind: 'branch', parentId: 'HO' },
      ...branches.map((branch) => ({
        id: subBranchId(city, branch),
        name: branch,
        kind: 'subBranch',
        parentId: `BR-${code}`,
      })),
    ]),
  ];
  const staff = cities.flatMap(({ city, code, branches }) =>
    branches.flatMap((branch, branchIndex) =>
      Array.from({ length: 9 }, (_, index) => {
        const id = rmId(code, branchIndex, index + 1);
        return {
          id,
          name: rmName(id).name,
          role: 'rm',
          orgUnitId: subBranchId(city, branch),
          referralCode: `REF-${id.slice(3)}`,
        };
      }),
    ),
  );
  return { units, staff };
}

/** Puts the demo bank's org units, staff and unit costs (replacing what has the same ids); returns the counts. */
export async function createSampleOrganisation(api: RuntimeApi): Promise<{ units: number; staff: number }> {
  const { units, staff } = sampleOrganisation();
  for (const { id, ...unit } of units) {
    await api.request('PUT', `/v1/org-units/${encodeURIComponent(id)}`, {
      json: unit.parentId ? unit : { name: unit.name, kind: unit.kind },
    });
  }
  for (const { id, ...member } of staff)
    await api.request('PUT', `/v1/staff/${encodeURIComponent(id)}`, { json: member });
  await api.request('PUT', '/v1/costs', { json: sampleUnitCosts });
  return { units: units.length, staff: staff.length };
}

/** Creates the sample pools; pools that already exist are left as they are. Returns the ids created. */
export const createSamplePools = (api: RuntimeApi) => createMissing(api, '/v1/benefit-pools', samplePools);

/** Creates the sample segments; segments that already exist are left as they are. Returns the ids created. */
export const createSampleSegments = (api: RuntimeApi) => createMissing(api, '/v1/segments', sampleSegments);

/** A small creatives library: reusable message texts that message nodes can choose instead of writing their own. */
export const sampleCreatives = [
  {
    id: 'renewal-offer',
    name: 'Maturity renewal offer',
    channel: 'sms',
    body: 'Dear {{profile.name}}, your wealth product matures in 7 days. Reply 1 to roll it into our 12-month term deposit at 2.6% p.a., or visit any branch. Reply TD to opt out.',
    description: 'Wealth maturity journeys, a week before the maturity date',
  },
  {
    id: 'card-welcome',
    name: 'Co-branded card welcome',
    channel: 'push',
    title: 'Your new card is ready',
    body: 'Hi {{profile.name}}, spend ¥99 with your card within 60 days to unlock 6 dining coupons.',
    description: 'Sent when a co-branded credit card is activated',
  },
  {
    id: 'payroll-cashback',
    name: 'Payroll cash-back',
    channel: 'wechat',
    title: '¥30 cash-back for payroll customers',
    body: '{{profile.name}}, your salary now arrives with us. Open the app this month to claim ¥30 cash-back.',
  },
  {
    id: 'maturity-call',
    name: 'RM call about a maturing product',
    channel: 'branchTask',
    title: 'Call about a maturing product',
    body: 'Call {{profile.name}} before the maturity date, offer the 12-month term deposit and record the outcome.',
    description: 'A task for the relationship manager when the customer has not answered the SMS',
  },
  {
    id: 'reactivation-points',
    name: 'We miss you: bonus points',
    channel: 'sms',
    body: 'We miss you, {{profile.name}}! Log in to the app within 14 days to collect 500 bonus points. Reply TD to opt out.',
  },
] as const;

/** Creates the sample creatives; creatives that already exist (perhaps edited since) are left as they are. */
export async function createSampleCreatives(api: RuntimeApi): Promise<string[]> {
  const { creatives } = await api.request<{ creatives: Array<{ id: string }> }>('GET', '/v1/creatives');
  const existing = new Set(creatives.map((creative) => creative.id));
  const missing = sampleCreatives.filter((creative) => !existing.has(creative.id));
  for (const { id, ...creative } of missing) await api.request('PUT', `/v1/creatives/${id}`, { json: creative });
  return missing.map((creative) => creative.id);
}
