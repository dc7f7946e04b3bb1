import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { creativeIdSchema, creativeInputSchema } from '@journey/shared';
import { describe, expect, it } from 'vitest';
import { startFakeRuntime } from '../test/fake-runtime';
import { RuntimeApi } from './api';
import {
  createSampleCreatives,
  createSamplePools,
  importBankMarketing,
  sampleCreatives,
  sampleOrganisation,
  samplePools,
  seedProfiles,
  syntheticProfiles,
} from './seed';

const importReply = { status: 200, json: { imported: 3, updated: 0, rejected: [] } };

describe('sample organisation', () => {
  it('holds every demo customer’s sub-branch and RM, under the names their profiles give', () => {
    const { units, staff } = sampleOrganisation();
    const unitsById = new Map(units.map((unit) => [unit.id, unit]));
    const staffById = new Map(staff.map((member) => [member.id, member]));
    for (const { attributes } of syntheticProfiles({ seed: 42, count: 2_000 })) {
      const branch = unitsById.get(String(attributes.branch));
      expect(branch?.kind).toBe('subBranch');
      expect(unitsById.get(branch?.parentId ?? '')?.parentId).toBe('HO');
      const rm = staffById.get(String(attributes.rm));
      expect(rm).toMatchObject({ orgUnitId: attributes.branch, name: attributes.rmName, role: 'rm' });
    }
    expect(new Set(staff.map((member) => member.referralCode)).size).toBe(staff.length);
  });
});

describe('synthetic profiles', () => {
  it('are deterministic by seed, for demo-1 … demo-N', () => {
    const profiles = [...syntheticProfiles({ seed: 42, count: 500 })];
    expect(profiles.map((profile) => profile.id)).toEqual(
      Array.from({ length: 500 }, (_, index) => `demo-${index + 1}`),
    );
    expect([...syntheticProfiles({ seed: 42, count: 500 })]).toEqual(profiles);
    expect([...syntheticProfiles({ seed: 43, count: 500 })]).not.toEqual(profiles);
    // A longer run starts with the same customers.
    expect([...syntheticProfiles({ seed: 42, count: 600 })].slice(0, 500)).toEqual(profiles);
  });

  it('look like retail-bank customers', () => {
    const profiles = [...syntheticProfiles({ seed: 1, count: 2_000 })];
    for (const { attributes, tags } of profiles) {
      expect(attributes.name).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(attributes.namePinyin).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
      expect(attributes.branch).toMatch(new RegExp(`^${attributes.city}.+支行$`));
      expect(attributes.rm).toMatch(/^RM-[A-Z]{2}-\d{3}$/);
      expect(attributes.age).toBeGreaterThanOrEqual(22);
      expect(attributes.age).toBeLessThanOrEqual(68);
      expect(attributes.depositBalance).toBeGreaterThan(0);
      expect('monthlySalary' in attributes).toBe(tags.includes('payroll'));
      expect('creditLimit' in attributes).toBe(tags.includes('card_holder'));
      expect('wealthBalance' in attributes).toBe(tags.includes('wealth'));
    }
    const share = (tag: string) => profiles.filter((profile) => profile.tags.includes(tag)).length / profiles.length;
    expect(share('payroll')).toBeCloseTo(0.4, 1);
    expect(share('card_holder')).toBeCloseTo(0.55, 1);
    expect(share('wealth')).toBeCloseTo(0.25, 1);
    const dormant = profiles.filter((profile) => (profile.attributes.days_since_last_login as number) >= 90);
    expect(dormant.length / profiles.length).toBeCloseTo(0.2, 1);
  });
});

describe('seeding a runtime', () => {
  it('streams the profiles as NDJSON to the customer import', async () => {
    const runtime = await startFakeRuntime(() => importReply);
    expect(await seedProfiles(new RuntimeApi(runtime.url), { seed: 5, count: 3 })).toEqual(importReply.json);
    const [request] = runtime.requests;
    expect(request).toMatchObject({
      method: 'POST',
      url: '/v1/customers/import?idColumn=id',
      headers: { 'content-type': 'application/x-ndjson', 'transfer-encoding': 'chunked' },
    });
    const rows = (request?.body ?? '')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows).toEqual(
      [...syntheticProfiles({ seed: 5, count: 3 })].map(({ id, tags, attributes }) => ({ ...attributes, id, tags })),
    );
  });

  it('streams the bank marketing CSV as it is, and says so when the file is missing', async () => {
    const runtime = await startFakeRuntime(() => importReply);
    const api = new RuntimeApi(runtime.url);
    const path = join(mkdtempSync(join(tmpdir(), 'seed-')), 'bank.csv');
    const csv = 'age,job,contact\n56,housemaid,telephone\n41,admin.,cellular\n';
    writeFileSync(path, csv);
    await importBankMarketing(api, path);
    expect(runtime.requests[0]).toMatchObject({
      url: '/v1/customers/import',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    await expect(importBankMarketing(api, `${path}.missing`)).rejects.toThrow(
      `No bank marketing CSV at ${path}.missing`,
    );
  });

  it('creates the sample benefit pools, leaving existing ones alone', async () => {
    const runtime = await startFakeRuntime((request) =>
      request.body.includes('"welcome-coupons"')
        ? { status: 409, json: { message: 'exists' } }
        : { status: 201, json: {} },
    );
    expect(await createSamplePools(new RuntimeApi(runtime.url))).toEqual(
      samplePools.map((pool) => pool.id).filter((id) => id !== 'welcome-coupons'),
    );
    expect(runtime.requests).toHaveLength(samplePools.length);
  });

  it('creates the sample creatives the library does not have yet, leaving existing (maybe edited) ones alone', async () => {
    const runtime = await startFakeRuntime((request) =>
      request.method === 'GET'
        ? { status: 200, json: { creatives: [{ id: 'renewal-offer', name: 'Edited by the bank' }] } }
        : { status: 201, json: {} },
    );
    const created = await createSampleCreatives(new RuntimeApi(runtime.url));
    const expected = sampleCreatives.map((creative) => creative.id).filter((id) => id !== 'renewal-offer');
    expect(created).toEqual(expected);
    const puts = runtime.requests.filter((request) => request.method === 'PUT');
    expect(puts.map((request) => request.url)).toEqual(expected.map((id) => `/v1/creatives/${id}`));
    for (const request of puts) expect(creativeInputSchema.safeParse(JSON.parse(request.body)).success).toBe(true);
  });

  it('has a library across channels whose texts greet the customer by name', () => {
    expect(new Set(sampleCreatives.map((creative) => creative.channel))).toEqual(
      new Set(['sms', 'push', 'wechat', 'branchTask']),
    );
    for (const { id, ...creative } of sampleCreatives) {
      expect(creativeIdSchema.safeParse(id).success).toBe(true);
      expect(creativeInputSchema.safeParse(creative).success).toBe(true);
      expect(creative.body).toContain('{{profile.name}}');
    }
  });
});
