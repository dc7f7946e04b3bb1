import type { Permission } from '@journey/shared';

/**
 * The one access policy: every route (method + route URL as registered) and the permission it needs.
 * A route missing here is admin-only, and test/auth/policy.test.ts fails until it gets an entry, so adding
 * a route always comes with a decision about who may call it. HEAD follows GET.
 */
const routePermissions: Record<string, Permission> = {
  'GET /health': 'public',
  'GET /openapi.json': 'public',
  // The designer's built files (@fastify/static); its data all comes through the routes below.
  'GET /*': 'public',

  'POST /v1/auth/login': 'public',
  // Clearing the cookie needs no proof of who you are, and works with an expired session.
  'POST /v1/auth/logout': 'public',
  'GET /v1/auth/me': 'authenticated',

  'PUT /v1/customers/:id': 'customers:write',
  'GET /v1/customers/:id': 'read',
  'POST /v1/customers/:id/tags': 'customers:write',
  'DELETE /v1/customers/:id/tags/:tag': 'customers:write',
  'GET /v1/customers/:id/journeys': 'read',
  'POST /v1/customers/import': 'customers:write',

  'POST /v1/segments': 'segments:edit',
  // Only counts; anyone who may read segments may try a condition before someone saves it.
  'POST /v1/segments/preview': 'read',
  'GET /v1/segments': 'read',
  'GET /v1/segments/:id': 'read',
  'GET /v1/segments/:id/count': 'read',
  'GET /v1/segments/:id/customers': 'read',

  'POST /v1/events': 'events:write',

  'GET /v1/journeys': 'read',
  'POST /v1/journeys': 'journeys:edit',
  'GET /v1/journeys/:id': 'read',
  'PUT /v1/journeys/:id': 'journeys:edit',
  'POST /v1/journeys/:id/validate': 'read',
  'GET /v1/journeys/:id/versions': 'read',
  'GET /v1/journeys/:id/machine': 'read',
  'POST /v1/journeys/:id/publish': 'journeys:publish',
  'POST /v1/journeys/:id/pause': 'journeys:publish',
  'POST /v1/journeys/:id/resume': 'journeys:publish',
  'POST /v1/journeys/:id/archive': 'journeys:publish',
  'GET /v1/journeys/:id/metrics': 'read',
  'GET /v1/journeys/:id/metrics/timeseries': 'read',
  'GET /v1/journeys/:id/metrics/org': 'read',
  'GET /v1/metrics/timeseries': 'read',
  'GET /v1/journeys/:id/experiments': 'read',
  'GET /v1/journeys/:id/roi': 'read',
  'GET /v1/journeys/:id/report': 'read',
  'GET /v1/journeys/:id/approvals': 'read',
  'POST /v1/journeys/:id/approvals/:requestId/approve': 'journeys:publish',
  'POST /v1/journeys/:id/approvals/:requestId/reject': 'journeys:publish',

  'GET /v1/templates': 'read',
  'GET /v1/templates/:id': 'read',
  'PUT /v1/templates/:id': 'journeys:edit',
  'DELETE /v1/templates/:id': 'journeys:edit',
  'POST /v1/templates/:id/journeys': 'journeys:edit',

  'GET /v1/creatives': 'read',
  'GET /v1/creatives/:id': 'read',
  'PUT /v1/creatives/:id': 'journeys:edit',
  'DELETE /v1/creatives/:id': 'journeys:edit',
  // Compliance sign-off of the words customers receive, as deciding what goes live is.
  'POST /v1/creatives/:id/approve': 'journeys:publish',

  'GET /v1/messages': 'read',
  'POST /v1/benefit-pools': 'budgets:edit',
  'GET /v1/benefit-pools': 'read',
  'PUT /v1/benefit-pools/:id': 'budgets:edit',
  'GET /v1/costs': 'read',
  'PUT /v1/costs': 'budgets:edit',
  'GET /v1/audit': 'read',

  'GET /v1/tasks': 'read',
  'GET /v1/tasks/:id': 'read',
  'POST /v1/tasks/:id/complete': 'tasks:work',
  'POST /v1/tasks/:id/reassign': 'tasks:work',

  // The bank's structure is reference data, like keys and settings.
  'GET /v1/org-units': 'read',
  'GET /v1/org-units/:id': 'read',
  'PUT /v1/org-units/:id': 'admin',
  'POST /v1/org-units/import': 'admin',
  'GET /v1/staff': 'read',
  'GET /v1/staff/:id': 'read',
  'PUT /v1/staff/:id': 'admin',
  'POST /v1/staff/import': 'admin',

  'POST /v1/admin/clock': 'admin',
  'POST /v1/admin/keys': 'admin',
  'GET /v1/admin/keys': 'admin',
  'DELETE /v1/admin/keys/:id': 'admin',
  'GET /v1/admin/settings': 'admin',
  'PUT /v1/admin/settings': 'admin',
};

/** Swagger UI serves its page and assets under here; all of it is public documentation. */
const DOCS_PREFIX = '/docs';

/** The permission the policy names for a route, or undefined when it names none. */
export function explicitPermission(method: string, url: string): Permission | undefined {
  if (url === DOCS_PREFIX || url.startsWith(`${DOCS_PREFIX}/`)) return 'public';
  return routePermissions[`${method === 'HEAD' ? 'GET' : method} ${url}`];
}

/** What a route requires: its policy entry, or admin for a route nobody decided about (secure by default). */
export function requiredPermission(method: string, url: string): Permission {
  return explicitPermission(method, url) ?? 'admin';
}

/** Ingestion routes (what ingest keys exist for) are rate limited per key and shed load when busy. */
export function isIngestion(permission: Permission): boolean {
  return permission === 'events:write' || permission === 'customers:write';
}
