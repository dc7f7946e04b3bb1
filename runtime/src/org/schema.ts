import { type OrgUnitDto, orgUnitKinds, type StaffDto, staffRoles } from '@journey/shared';
import { z } from 'zod';
import type { OrgUnit, StaffMember } from './store';

/** Request shapes of the organisation API (the CSV import reuses them row by row) and the DTO mappers. */

export const orgIdSchema = z.string().trim().min(1).max(128);

export const orgUnitInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(orgUnitKinds),
  parentId: orgIdSchema.nullable().default(null).describe('The unit one level up; null only for the head office'),
});
export type OrgUnitInput = z.infer<typeof orgUnitInputSchema>;

export const staffInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.enum(staffRoles),
  orgUnitId: orgIdSchema,
  active: z.boolean().default(true).describe('Inactive staff keep their history but get no new tasks'),
  referralCode: z.string().trim().min(1).max(64).describe('The invitation code customers bring; unique'),
});
export type StaffInput = z.infer<typeof staffInputSchema>;

/** CSV rows: the id is a column, other columns are ignored, and `active` is text (true/false, yes/no, 1/0). */
export const orgUnitCsvRowSchema = z.object({ ...orgUnitInputSchema.shape, id: orgIdSchema });
export const staffCsvRowSchema = z.object({
  ...staffInputSchema.shape,
  id: orgIdSchema,
  active: z.stringbool().default(true),
});

const iso = (ms: number) => new Date(ms).toISOString();

export const toOrgUnitDto = (unit: OrgUnit): OrgUnitDto => ({
  ...unit,
  createdAt: iso(unit.createdAt),
  updatedAt: iso(unit.updatedAt),
});

export const toStaffDto = (member: StaffMember): StaffDto => ({
  ...member,
  createdAt: iso(member.createdAt),
  updatedAt: iso(member.updatedAt),
});
