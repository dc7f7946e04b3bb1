import type { OrgUnitDto, StaffDto } from '@journey/shared';
import { requestJson } from '../../api/http';

// The organisation API of the runtime (see /openapi.json): org units, staff, and their CSV imports.

/** What a save sends: the DTO without its id (in the path) and timestamps. */
export type OrgUnitInput = Pick<OrgUnitDto, 'name' | 'kind' | 'parentId'>;
export type StaffInput = Pick<StaffDto, 'name' | 'role' | 'orgUnitId' | 'referralCode' | 'active'>;

/** What an import did: rows added, rows that replaced one with the same id, and each refused row. */
export interface ImportResult {
  imported: number;
  updated: number;
  /** By data row: 1 is the first row below the header. */
  rejected: Array<{ row: number; message: string }>;
}

export type ImportTarget = 'units' | 'staff';

const unitPath = (id: string) => `/v1/org-units/${encodeURIComponent(id)}`;
const staffPath = (id: string) => `/v1/staff/${encodeURIComponent(id)}`;
const importPaths: Record<ImportTarget, string> = { units: '/v1/org-units/import', staff: '/v1/staff/import' };

export const orgApi = {
  units: () => requestJson<{ units: OrgUnitDto[] }>('GET', '/v1/org-units').then((body) => body.units),
  staff: () => requestJson<{ staff: StaffDto[] }>('GET', '/v1/staff').then((body) => body.staff),
  /** Creates or replaces the unit with this id. */
  saveUnit: (id: string, unit: OrgUnitInput) => requestJson<OrgUnitDto>('PUT', unitPath(id), unit),
  /** Creates or replaces the staff member with this id. */
  saveStaff: (id: string, member: StaffInput) => requestJson<StaffDto>('PUT', staffPath(id), member),
  /** Sends the file as text/csv whatever type the browser gave it (a spreadsheet program's, or none). */
  importCsv: (target: ImportTarget, file: Blob) =>
    requestJson<ImportResult>('POST', importPaths[target], new Blob([file], { type: 'text/csv' })),
};

/** React Query keys. Staff lists elsewhere (the task inbox's) sit under `staff` too, so saving staff refreshes them. */
export const orgKeys = {
  units: ['org-units'] as const,
  staff: ['staff'] as const,
  allStaff: ['staff', 'all'] as const,
};
