import type { OrgUnitDto, StaffDto } from '@journey/shared';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers';
import { call } from './harness';

const importCsv = (app: FastifyInstance, url: string, csv: string) =>
  call<{ imported: number; updated: number; rejected: Array<{ row: number; message: string }> }>(app, {
    method: 'POST',
    url,
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });

const putUnit = (app: FastifyInstance, id: string, unit: object, status = 201) =>
  call<{ issues?: unknown[] }>(app, { method: 'PUT', url: `/v1/org-units/${id}`, payload: unit }, status);

describe('organisation', () => {
  it('keeps the hierarchy head office → branch → sub-branch', async () => {
    const { app } = await buildTestApp();
    await putUnit(app, 'HO', { name: 'Head office', kind: 'headOffice' });
    await putUnit(app, 'B1', { name: 'Pudong', kind: 'branch', parentId: 'HO' });
    await putUnit(app, 'B1a', { name: 'Lujiazui', kind: 'subBranch', parentId: 'B1' });
    await putUnit(app, 'B1', { name: 'Pudong branch', kind: 'branch', parentId: 'HO' }, 200);

    const refusals = [
      [{ name: 'Other', kind: 'headOffice', parentId: 'HO' }, 'the head office has no parent'],
      [{ name: 'Orphan', kind: 'branch' }, 'a branch belongs to a head office'],
      [{ name: 'Lost', kind: 'branch', parentId: 'XX' }, 'no org unit "XX"'],
      [{ name: 'Skip', kind: 'subBranch', parentId: 'HO' }, '"HO" is a head office; a sub-branch belongs to a branch'],
    ] as const;
    for (const [unit, message] of refusals) {
      expect((await putUnit(app, 'X', unit, 400)).issues).toEqual([{ path: 'body.parentId', message }]);
    }
    const demoted = await putUnit(app, 'B1', { name: 'Pudong', kind: 'subBranch', parentId: 'B1' }, 400);
    expect(demoted.issues).toContainEqual({ path: 'body.kind', message: '"B1a" below it is a sub-branch' });
    const badKind = await putUnit(app, 'X', { name: 'X', kind: 'region' }, 400);
    expect(badKind.issues).toMatchObject([{ path: 'body.kind' }]);

    const { units } = await call<{ units: OrgUnitDto[] }>(app, { url: '/v1/org-units' });
    expect(units.map(({ id, name, parentId }) => [id, name, parentId])).toEqual([
      ['B1', 'Pudong branch', 'HO'],
      ['B1a', 'Lujiazui', 'B1'],
      ['HO', 'Head office', null],
    ]);
    await call(app, { url: '/v1/org-units/nope' }, 404);
  });

  it('imports org units and staff from CSV, reporting the rows it refuses', async () => {
    const { app } = await buildTestApp();
    const units = await importCsv(
      app,
      '/v1/org-units/import',
      'id,name,kind,parentId\nHO,Head office,headOffice,\nB1,Pudong,branch,HO\nB2,Xuhui,branch,B9\nB1a,Lujiazui,subBranch,B1\n',
    );
    expect(units).toEqual({ imported: 3, updated: 0, rejected: [{ row: 3, message: 'parentId: no org unit "B9"' }] });

    const staff = await importCsv(
      app,
      '/v1/staff/import',
      [
        'id,name,role,orgUnitId,referralCode,active,phone',
        'rm1,Li Wei,rm,B1,LW01,yes,138',
        'rm2,Wang Fang,rm,B1,WF01,false,139',
        'cc1,Call agent,callCenter,HO,LW01,,',
        'x1,Nobody,janitor,B1,X1,,',
        'rm1,Li Wei,manager,B1a,LW01,1,',
      ].join('\n'),
    );
    expect(staff).toEqual({
      imported: 2,
      updated: 1,
      rejected: [
        { row: 3, message: 'referralCode: already the code of staff member "rm1"' },
        { row: 4, message: expect.stringMatching(/^role: /) },
      ],
    });
    const member = await call<StaffDto>(app, { url: '/v1/staff/rm1' });
    expect(member).toMatchObject({ role: 'manager', orgUnitId: 'B1a', active: true, referralCode: 'LW01' });
    const inactive = await call<{ staff: StaffDto[] }>(app, { url: '/v1/staff?active=false' });
    expect(inactive.staff.map((s) => s.id)).toEqual(['rm2']);
    const inB1 = await call<{ staff: StaffDto[] }>(app, { url: '/v1/staff?orgUnitId=B1&role=rm' });
    expect(inB1.staff.map((s) => s.id)).toEqual(['rm2']);

    const broken = await importCsv(app, '/v1/org-units/import', 'id,name,kind\nB3,"Broken,branch\n');
    expect(broken).toMatchObject({ imported: 0, rejected: [{ row: 1, message: expect.stringContaining('not read') }] });
    const json = await app.inject({ method: 'POST', url: '/v1/staff/import', payload: { id: 'rm9' } });
    expect(json.statusCode).toBe(415);
    const empty = await app.inject({ method: 'POST', url: '/v1/org-units/import' });
    expect(empty.statusCode).toBe(415);
    expect(empty.json()).toMatchObject({ message: 'Send the file as text/csv' });
  });

  it('validates staff and the org metrics query', async () => {
    const { app } = await buildTestApp();
    const missingUnit = await call<{ issues: unknown[] }>(
      app,
      { method: 'PUT', url: '/v1/staff/rm1', payload: { name: 'Li', role: 'rm', orgUnitId: 'B1', referralCode: 'L' } },
      400,
    );
    expect(missingUnit.issues).toEqual([{ path: 'body.orgUnitId', message: 'no org unit "B1"' }]);
    await call(app, { url: '/v1/staff/rm1' }, 404);
    const groupBy = await call<{ issues: unknown[] }>(app, { url: '/v1/journeys/j/metrics/org?groupBy=city' }, 400);
    expect(groupBy.issues).toMatchObject([{ path: 'querystring.groupBy' }]);
    await call(app, { url: '/v1/journeys/j/metrics/org?groupBy=branch' }, 404);
  });
});
