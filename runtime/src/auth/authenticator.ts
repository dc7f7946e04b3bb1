import type { IncomingHttpHeaders } from 'node:http';
import type { Clock } from '../clock';
import type { ApiKeyStore } from './keys';
import { LOCAL_ADMIN, type Principal } from './roles';

export const SESSION_COOKIE = 'journey_session';
/** A working day: the designer asks for the key again the next morning. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** What a request or socket handshake carries to prove who it is. */
export interface Credentials {
  /** The Authorization header. */
  authorization?: string | undefined;
  /** The session cookie's signed value. */
  session?: string | undefined;
}

export type Authentication = { ok: true; principal: Principal } | { ok: false; message: string };

/** Signs and checks cookie values (@fastify/cookie's signer, keyed with the stored session secret). */
export interface CookieSigner {
  sign(value: string): string;
  unsign(signed: string): { valid: boolean; value: string | null };
}

/** The parts of a socket.io handshake that carry credentials. */
export interface SocketHandshake {
  headers: IncomingHttpHeaders;
  /** What the client passed as `io(url, { auth: { token } })`: browsers cannot set headers on a WebSocket. */
  auth?: Record<string, unknown>;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Turns credentials into a principal: a bearer API key, or else a session cookie from logging in with one. */
export class Authenticator {
  constructor(
    private readonly keys: ApiKeyStore,
    private readonly clock: Clock,
    private readonly signer: CookieSigner,
    private readonly parseCookies: (header: string) => Record<string, string | undefined>,
    /** False with JOURNEY_AUTH=off: everyone is the local admin. */
    readonly enabled: boolean,
  ) {}

  authenticate({ authorization, session }: Credentials): Authentication {
    if (!this.enabled) return { ok: true, principal: LOCAL_ADMIN };
    if (authorization !== undefined) {
      const key = BEARER.exec(authorization)?.[1];
      if (key === undefined) return { ok: false, message: 'The Authorization header must be "Bearer <API key>"' };
      const principal = this.keys.authenticate(key, this.clock.now());
      return principal ? { ok: true, principal } : { ok: false, message: 'The API key is not valid or was revoked' };
    }
    if (session !== undefined) {
      const principal = this.#fromSession(session);
      return principal
        ? { ok: true, principal }
        : { ok: false, message: 'The session has expired or its key was revoked; log in again' };
    }
    return { ok: false, message: 'Authentication required: send "Authorization: Bearer <API key>" or log in' };
  }

  /** For socket.io's `io.use()`: the same keys and sessions as HTTP requests, or undefined to refuse. */
  authenticateSocketHandshake({ headers, auth }: SocketHandshake): Principal | undefined {
    const token = auth?.token;
    const result = this.authenticate({
      authorization: typeof token === 'string' ? `Bearer ${token}` : headers.authorization,
      session: headers.cookie === undefined ? undefined : this.parseCookies(headers.cookie)[SESSION_COOKIE],
    });
    return result.ok ? result.principal : undefined;
  }

  /** A signed cookie value naming the key and when the session ends. */
  openSession(keyId: string): string {
    return this.signer.sign(`${keyId}.${this.clock.now() + SESSION_TTL_MS}`);
  }

  #fromSession(signed: string): Principal | undefined {
    const { valid, value } = this.signer.unsign(signed);
    if (!valid || value === null) return undefined;
    const [keyId = '', expiresAt] = value.split('.');
    if (!(Number(expiresAt) > this.clock.now())) return undefined;
    return this.keys.active(keyId);
  }
}
