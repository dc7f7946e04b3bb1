import fastifyCookie from '@fastify/cookie';
import { can, type Permission } from '@journey/shared';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AuditLog } from '../audit/log';
import { Authenticator, SESSION_COOKIE } from '../auth/authenticator';
import { ApiKeyStore } from '../auth/keys';
import { explicitPermission, requiredPermission } from '../auth/policy';
import type { Principal } from '../auth/roles';
import { Settings } from '../auth/settings';
import { ForbiddenError, UnauthorizedError } from '../http-errors';

/** A registered route and the permission the policy names for it (undefined: none, so admin-only). */
export interface RouteAccess {
  method: string;
  url: string;
  permission: Permission | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    audit: AuditLog;
    apiKeys: ApiKeyStore;
    settings: Settings;
    auth: Authenticator;
    /** Every route registered after this plugin, with its policy entry. */
    routeAccess: readonly RouteAccess[];
  }
  interface FastifyRequest {
    /** Who is calling; null on public routes. */
    principal: Principal | null;
  }
}

export interface AuthOptions {
  /** false (JOURNEY_AUTH=off) makes every request the local admin; the server allows it only on loopback. */
  enabled?: boolean;
  /** The first admin key (JOURNEY_ADMIN_KEY), stored when no admin key exists; without it one is generated and printed. */
  adminKey?: string;
  /** JOURNEY_MAKER_CHECKER=on: publishing always needs a second person's approval. */
  makerChecker?: boolean;
  /** JOURNEY_CREATIVE_APPROVAL=on: publishing always sends only the approved text of library creatives. */
  creativeApproval?: boolean;
}

/** The caller of a non-public route, which the auth hook has already checked. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthorizedError('Authentication required');
  return request.principal;
}

function announceGeneratedKey(key: string): void {
  process.stdout.write(
    `\nNo admin API key existed, so one was generated. It is shown only this once:\n\n    ${key}\n\n` +
      'Send it as "Authorization: Bearer <key>" or log in with it in the designer, then create a key per person ' +
      'with POST /v1/admin/keys.\n\n',
  );
}

/**
 * Authentication and authorization for every route: API keys (Bearer) or a session cookie made by logging in with
 * one; the route policy decides which permission each route needs. Also keeps the audit log and the settings.
 */
export default fp<AuthOptions>(
  async (app, { enabled = true, adminKey, makerChecker = false, creativeApproval = false }) => {
    const audit = new AuditLog(app.db);
    const keys = new ApiKeyStore(app.db, audit);
    const settings = new Settings(app.db, audit, { makerChecker, creativeApproval });
    await app.register(fastifyCookie, { secret: settings.sessionSecret(app.clock.now()) });
    const authenticator = new Authenticator(
      keys,
      app.clock,
      { sign: (value) => app.signCookie(value), unsign: (signed) => app.unsignCookie(signed) },
      (header) => app.parseCookie(header),
      enabled,
    );
    app.decorate('audit', audit);
    app.decorate('apiKeys', keys);
    app.decorate('settings', settings);
    app.decorate('auth', authenticator);
    app.decorateRequest('principal', null);

    const routes: RouteAccess[] = [];
    app.decorate('routeAccess', routes);
    app.addHook('onRoute', ({ method, url }) => {
      for (const each of [method].flat()) routes.push({ method: each, url, permission: explicitPermission(each, url) });
    });
    app.addHook('onReady', async () => {
      const undecided = routes.filter((route) => route.permission === undefined);
      if (undecided.length > 0) {
        app.log.warn(
          { routes: undecided.map((route) => `${route.method} ${route.url}`) },
          'routes without an access policy are admin-only',
        );
      }
    });

    if (enabled) {
      const { generated } = keys.bootstrapAdmin(adminKey, app.clock.now());
      if (generated) announceGeneratedKey(generated);
    } else {
      app.log.warn('authentication is OFF (JOURNEY_AUTH=off): every request acts as an admin');
    }

    app.addHook('onRequest', async (request, reply) => {
      const url = request.routeOptions.url;
      // No route matched: the 404 handler answers, and there is nothing to protect.
      if (url === undefined) return;
      const permission = requiredPermission(request.method, url);
      if (permission === 'public') return;
      const result = authenticator.authenticate({
        authorization: request.headers.authorization,
        session: request.cookies[SESSION_COOKIE],
      });
      if (!result.ok) {
        reply.header('www-authenticate', 'Bearer');
        throw new UnauthorizedError(result.message);
      }
      const { principal } = result;
      if (!can(principal.role, permission)) {
        throw new ForbiddenError(
          `${principal.name} (${principal.role}) may not ${request.method} ${url}: it needs the "${permission}" permission`,
        );
      }
      request.principal = principal;
    });
  },
  { name: 'auth', dependencies: ['db'] },
);
