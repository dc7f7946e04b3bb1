import type { OrgUnitDto, StaffDto } from '@journey/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeRuntime, type Routes, renderApp } from '../../test/runtime';

const at = '2026-01-05T02:00:00.000Z';
const unit = (id: string, name: string, kind: OrgUnitDto['kind'], parentId: string | null): OrgUnitDto => ({
  id,
  name,
  kind,
  parentId,
  createdAt: at,
  updatedAt: at,
});
const member = (
  id: string,
  name: string,
  role: StaffDto['role'],
  orgUnitId: string,
  referralCode: string,
  active = true,
): StaffDto => ({ id, name, role, orgUnitId, referralCode, active, createdAt: at, updatedAt: at });

const units = [
  unit('BJ', 'Beijing branch', 'branch', 'HO'),
  unit('BJ-CY', 'Chaoyang sub-branch', 'subBranch', 'BJ'),
  unit('HO', 'Head office', 'headOffice', null),
  unit('SH', 'Shanghai branch', 'branch', 'HO'),
];
const staff = [
  member('E1001', 'Li Wei', 'rm', 'BJ-CY', 'RM1001'),
  member('E1002', 'Wang Fang', 'lobby', 'BJ', 'LB1002'),
  member('E2001', 'Zhang Min', 'manager', 'SH', 'MG2001'),
  member('E3001', 'Chen Jie', 'callCenter', 'HO', 'CC3001', false),
];

function openSection(routes: Routes = {}) {
  const runtime = fakeRuntime({
    'GET /v1/org-units': { body: { units } },
    'GET /v1/staff': { body: { staff } },
    ...routes,
  });
  renderApp('/settings/organisation');
  return runtime;
}

const tree = () => screen.getByRole('navigation', { name: 'Org units' });
const unitButton = (name: RegExp) => within(tree()).getByRole('button', { name });
const staffNames = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.firstChild?.textContent);

describe('settings: organisation', () => {
  it('shows the units as a tree with staff counts, and the staff of the selected unit and those below it', async () => {
    openSection();
    await screen.findByRole('navigation', { name: 'Org units' });
    // Head offices start open: the branches show, the sub-branches wait inside their closed branch.
    expect(unitButton(/^Head office/).parentElement?.textContent).toContain('4 staff');
    expect(unitButton(/^Beijing branch/).parentElement?.textContent).toContain('2 staff');
    expect(within(tree()).queryByRole('button', { name: /^Chaoyang/ })).toBeNull();
    const expand = within(tree()).getByRole('button', { name: 'Expand Beijing branch' });
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(expand);
    expect(unitButton(/^Chaoyang sub-branch/).parentElement?.textContent).toContain('1 staff');
    await userEvent.click(within(tree()).getByRole('button', { name: 'Collapse Head office' }));
    expect(within(tree()).queryByRole('button', { name: /^Beijing branch/ })).toBeNull();
    await userEvent.click(within(tree()).getByRole('button', { name: 'Expand Head office' }));

    expect(staffNames()).toEqual(['Li Wei', 'Wang Fang', 'Zhang Min', 'Chen Jie']);
    await userEvent.click(unitButton(/^Beijing branch/));
    expect(screen.getByRole('heading', { name: 'Staff of Beijing branch and the units below it' })).toBeTruthy();
    expect(staffNames()).toEqual(['Li Wei', 'Wang Fang']);
    const row = screen.getByRole('row', { name: /Li Wei/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Li WeiE1001', 'Relationship manager', 'RM1001', 'Chaoyang sub-branch', 'Edit']);

    // Search by referral code (any case), then by name across the whole bank.
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search by name, referral code or staff ID' }), 'lb10');
    expect(staffNames()).toEqual(['Wang Fang']);
    await userEvent.click(unitButton(/^Beijing branch/));
    const search = screen.getByRole('searchbox', { name: 'Search by name, referral code or staff ID' });
    await userEvent.clear(search);
    await userEvent.type(search, 'zhang');
    expect(staffNames()).toEqual(['Zhang Min']);
    await userEvent.type(search, 'zzz');
    expect(screen.getByText('Nobody here matches the search.')).toBeTruthy();
  });

  it('adds a sub-branch below the selected branch, and shows a refusal at the field it names', async () => {
    let refuse = true;
    const runtime = openSection({
      'PUT /v1/org-units/SH-PD': (body) =>
        refuse
          ? {
              status: 400,
              body: {
                error: 'Bad Request',
                message: 'body.parentId: "SH" is a head office',
                issues: [{ path: 'body.parentId', message: '"SH" is a head office; a sub-branch belongs to a branch' }],
              },
            }
          : { status: 201, body: { ...(body as object), id: 'SH-PD', createdAt: at, updatedAt: at } },
    });
    await screen.findByRole('navigation', { name: 'Org units' });
    await userEvent.click(unitButton(/^Shanghai branch/));
    await userEvent.click(within(tree()).getByRole('button', { name: 'Add unit' }));
    const dialog = screen.getByRole('dialog', { name: 'Add unit' });
    const save = within(dialog).getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect((within(dialog).getByRole('combobox', { name: 'Level' }) as HTMLSelectElement).value).toBe('subBranch');
    const parent = within(dialog).getByRole('combobox', { name: 'Belongs to' }) as HTMLSelectElement;
    expect(parent.value).toBe('SH');
    // Only branches can hold a sub-branch, listed as the tree has them.
    expect([...parent.options].map((option) => option.value)).toEqual(['BJ', 'SH']);
    expect(save.disabled).toBe(true);
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Pudong sub-branch');
    const code = within(dialog).getByRole('textbox', { name: 'Unit code' });
    await userEvent.type(code, 'BJ');
    expect(within(dialog).getByText('Another unit already has the code BJ.')).toBeTruthy();
    expect(save.disabled).toBe(true);
    await userEvent.clear(code);
    await userEvent.type(code, 'SH-PD');
    await userEvent.click(save);

    const error = await within(dialog).findByText('"SH" is a head office; a sub-branch belongs to a branch');
    expect(parent.getAttribute('aria-invalid')).toBe('true');
    expect(parent.getAttribute('aria-describedby')).toBe(error.id);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect((within(dialog).getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('Pudong sub-branch');

    refuse = false;
    await userEvent.click(save);
    expect(await screen.findByText('Saved “Pudong sub-branch”')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(runtime.callsTo('PUT', '/v1/org-units/SH-PD').map((call) => call.body)).toEqual([
      { name: 'Pudong sub-branch', kind: 'subBranch', parentId: 'SH' },
      { name: 'Pudong sub-branch', kind: 'subBranch', parentId: 'SH' },
    ]);
    await waitFor(() => expect(runtime.callsTo('GET', '/v1/org-units')).toHaveLength(2));
  });

  it('edits a staff member, showing a taken referral code at its field', async () => {
    const runtime = openSection({
      'PUT /v1/staff/E1002': {
        status: 400,
        body: {
          error: 'Bad Request',
          message: 'body.referralCode: already the code of staff member "E1001"',
          issues: [{ path: 'body.referralCode', message: 'already the code of staff member "E1001"' }],
        },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Wang Fang' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Wang Fang' });
    expect(within(dialog).getByRole('textbox', { name: 'Staff ID' }).hasAttribute('readonly')).toBe(true);
    const unitSelect = within(dialog).getByRole('combobox', { name: 'Org unit' }) as HTMLSelectElement;
    expect(unitSelect.value).toBe('BJ');
    await userEvent.selectOptions(unitSelect, 'BJ-CY');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Role' }), 'rm');
    const code = within(dialog).getByRole('textbox', { name: 'Referral code' });
    await userEvent.clear(code);
    await userEvent.type(code, 'RM1001');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Active' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await within(dialog).findByText('already the code of staff member "E1001"')).toBeTruthy();
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(runtime.callsTo('PUT', '/v1/staff/E1002')[0]?.body).toEqual({
      name: 'Wang Fang',
      role: 'rm',
      orgUnitId: 'BJ-CY',
      referralCode: 'RM1001',
      active: false,
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('imports staff from a CSV file and lists every rejected row with its reason', async () => {
    let unreachable = true;
    const runtime = openSection({
      'POST /v1/staff/import': () =>
        unreachable
          ? { status: 415, body: { error: 'Unsupported Media Type', message: 'Send the file as text/csv' } }
          : {
              body: {
                imported: 1,
                updated: 1,
                rejected: [
                  { row: 2, message: 'orgUnitId: no org unit "GZ"' },
                  { row: 4, message: 'role: Invalid option' },
                ],
              },
            },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Import staff (CSV)' }));
    const dialog = screen.getByRole('dialog', { name: 'Import staff from CSV' });
    expect(dialog.textContent).toContain('id,name,role,orgUnitId,referralCode,active');
    const example = within(dialog).getByRole('link', { name: 'Download an example (staff-example.csv)' });
    expect(example.getAttribute('download')).toBe('staff-example.csv');
    expect(decodeURIComponent(example.getAttribute('href') ?? '')).toContain('E1001,Li Wei,rm,BJ-CY,RM1001,true');

    const send = within(dialog).getByRole('button', { name: 'Import' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    const csv = 'id,name,role,orgUnitId,referralCode\nE9,Sun Li,rm,BJ,RM9\n';
    await userEvent.upload(
      within(dialog).getByLabelText('CSV file'),
      new File([csv], 'staff.csv', { type: 'application/vnd.ms-excel' }),
    );
    await userEvent.click(send);
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('The file was not imported');
    expect(alert.textContent).toContain('Send the file as text/csv');

    // The file stays chosen: sending again needs no new pick.
    unreachable = false;
    await userEvent.click(send);
    const status = await within(dialog).findByRole('status');
    expect(status.textContent).toBe('1 added, 1 replaced, 2 rejected.');
    const rows = within(within(dialog).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['2orgUnitId: no org unit "GZ"', '4role: Invalid option']);
    const calls = runtime.callsTo('POST', '/v1/staff/import');
    expect(calls.map((call) => [call.contentType, call.body])).toEqual([
      ['text/csv', csv],
      ['text/csv', csv],
    ]);
    await waitFor(() => expect(runtime.callsTo('GET', '/v1/staff')).toHaveLength(2));
  });

  it('starts an empty bank with the head office', async () => {
    const runtime = openSection({
      'GET /v1/org-units': { body: { units: [] } },
      'GET /v1/staff': { body: { staff: [] } },
      'PUT /v1/org-units/HO': (body) => ({
        status: 201,
        body: { ...(body as object), id: 'HO', createdAt: at, updatedAt: at },
      }),
    });
    expect(await screen.findByText(/No org units yet/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Add the head office' }));
    const dialog = screen.getByRole('dialog', { name: 'Add unit' });
    expect(within(dialog).queryByRole('combobox', { name: 'Belongs to' })).toBeNull();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Head office');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Unit code' }), 'HO');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(runtime.callsTo('PUT', '/v1/org-units/HO')[0]?.body).toEqual({
      name: 'Head office',
      kind: 'headOffice',
      parentId: null,
    });
  });

  it('is read-only for a role without the administrator permission', async () => {
    openSection({ 'GET /v1/auth/me': { body: { name: 'Sam', role: 'supervisor' } } });
    await screen.findByRole('navigation', { name: 'Org units' });
    expect(screen.getByText(/changing it needs the administrator role/)).toBeTruthy();
    expect(staffNames()).toEqual(['Li Wei', 'Wang Fang', 'Zhang Min', 'Chen Jie']);
    for (const name of ['Add unit', 'Add staff member', 'Import units (CSV)', 'Import staff (CSV)', 'Edit Li Wei']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    await userEvent.click(unitButton(/^Shanghai branch/));
    expect(screen.queryByRole('button', { name: 'Edit unit' })).toBeNull();
  });
});
