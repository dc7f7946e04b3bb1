/**
 * Who may do what: API roles are granted permissions, and the runtime's route policy names the permission each
 * route needs. Shared so the designer offers exactly the actions the runtime would allow.
 */

export const roles = ['operator', 'strategist', 'supervisor', 'admin', 'ingest'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export const permissions = [
  /** No credentials needed: health, API docs, the designer's files, logging in. */
  'public',
  /** Any valid key or session. */
  'authenticated',
  /** Journeys, versions, metrics, experiments, customers and their journeys, messages, tasks, the audit log. */
  'read',
  'journeys:edit',
  'segments:edit',
  /** Publish (or approve a publish), pause, resume, archive, stop experiments. */
  'journeys:publish',
  /** Benefit pools and the unit costs behind ROI. */
  'budgets:edit',
  /** Completing and handing over branch and call-center tasks. */
  'tasks:work',
  /** Customer profile writes and imports. */
  'customers:write',
  'events:write',
  /** Keys, settings, org units and staff, the manual clock. */
  'admin',
] as const;
export type Permission = (typeof permissions)[number];

const operator: readonly Permission[] = ['authenticated', 'read', 'journeys:edit', 'segments:edit', 'tasks:work'];

const grants: Record<Role, ReadonlySet<Permission>> = {
  ingest: new Set(['authenticated', 'events:write', 'customers:write']),
  supervisor: new Set(['authenticated', 'read']),
  operator: new Set(operator),
  strategist: new Set([...operator, 'journeys:publish', 'budgets:edit']),
  admin: new Set(permissions),
};

export function can(role: Role, permission: Permission): boolean {
  return permission === 'public' || grants[role].has(permission);
}
