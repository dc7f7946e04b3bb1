import { roles } from '@journey/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../auth/authenticator';
import type { ApiKey } from '../auth/keys';
import { errorResponseSchema, UnauthorizedError } from '../http-errors';
import { principalOf } from '../plugins/auth';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const whoSchema = z
  .object({
    name: z.string(),
    role: z.enum(roles),
    keyId: z.string().nullable().describe('The key the request or session uses; null when authentication is off'),
  })
  .meta({ id: 'Principal' });

const keySchema = z
  .object({
    id: z.string(),
    name: z.string().describe('Who holds the key: a person or a system'),
    role: z.enum(roles),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    lastUsedAt: z.string().nullable().describe('Updated at most once a minute'),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

const toKeyDto = (key: ApiKey) => ({
  id: key.id,
  name: key.name,
  role: key.role,
  createdAt: new Date(key.createdAt).toISOString(),
  createdBy: key.createdBy,
  lastUsedAt: iso(key.lastUsedAt),
  revokedAt: iso(key.revokedAt),
});

const settingsSchema = z
  .object({
    makerChecker: z.object({
      enabled: z.boolean().describe('Publishing needs a second person’s approval'),
      enforced: z.boolean().describe('Required by JOURNEY_MAKER_CHECKER=on; cannot be turned off here'),
    }),
    creativeApproval: z.object({
      enabled: z
        .boolean()
        .describe('Publishing sends the approved text of library creatives and refuses those never approved'),
      enforced: z.boolean().describe('Required by JOURNEY_CREATIVE_APPROVAL=on; cannot be turned off here'),
    }),
  })
  .meta({ id: 'Settings' });

/** Logging in to the designer, API keys and settings. */
const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start a designer session with an API key (sets an HttpOnly, SameSite=Strict cookie for 8 hours)',
        body: z.strictObject({ key: z.string().min(1).max(512) }),
        response: { 200: whoSchema, 401: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const principal = app.apiKeys.authenticate(request.body.key, app.clock.now());
      if (!principal?.keyId) throw new UnauthorizedError('The API key is not valid or was revoked');
      reply.setCookie(SESSION_COOKIE, app.auth.openSession(principal.keyId), {
        httpOnly: true,
        sameSite: 'strict',
        secure: 'auto',
        path: '/',
        maxAge: SESSION_TTL_MS / 1000,
      });
      return { name: principal.name, role: principal.role, keyId: principal.keyId };
    },
  );

  app.post(
    '/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the designer session' } },
    async (_request, reply) => reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send(),
  );

  app.get(
    '/v1/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who the key or session belongs to',
        response: { 200: whoSchema, 401: errorResponseSchema },
      },
    },
    async (request) => {
      const { name, role, keyId } = principalOf(request);
      return { name, role, keyId };
    },
  );

  app.post(
    '/v1/admin/keys',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create an API key; the key itself is in this response only',
        body: z.strictObject({ name: z.string().trim().min(1).max(128), role: z.enum(roles) }),
        response: { 201: keySchema.extend({ key: z.string().describe('Shown once; only its hash is stored') }) },
      },
    },
    async (request, reply) => {
      const { record, key } = app.apiKeys.create(request.body, principalOf(request), app.clock.now());
      return reply.code(201).send({ ...toKeyDto(record), key });
    },
  );

  app.get(
    '/v1/admin/keys',
    {
      schema: {
        tags: ['admin'],
        summary: 'Every API key, revoked ones included (never the keys themselves)',
        response: { 200: z.object({ keys: z.array(keySchema) }) },
      },
    },
    async () => ({ keys: app.apiKeys.list().map(toKeyDto) }),
  );

  app.delete(
    '/v1/admin/keys/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Revoke an API key at once, with the sessions opened with it',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: keySchema, 404: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request) => toKeyDto(app.apiKeys.revoke(request.params.id, principalOf(request), app.clock.now())),
  );

  app.get(
    '/v1/admin/settings',
    { schema: { tags: ['admin'], summary: 'Runtime settings', response: { 200: settingsSchema } } },
    async () => app.settings.switches(),
  );

  app.put(
    '/v1/admin/settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change runtime settings: the switches named in the body; the others stay as they are',
        body: z
          .strictObject({ makerChecker: z.boolean().optional(), creativeApproval: z.boolean().optional() })
          .refine((body) => Object.keys(body).length > 0, 'name a setting to change: makerChecker or creativeApproval'),
        response: { 200: settingsSchema, 400: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request) => app.settings.setSwitches(request.body, principalOf(request), app.clock.now()),
  );
};

export default authRoutes;
