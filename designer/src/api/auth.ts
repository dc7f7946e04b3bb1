import { requestJson } from './http';

/** Who the designer acts as: the holder of the API key the session was opened with. */
export interface Principal {
  name: string;
  role: string;
  /** The key the session was opened with; null when the runtime runs without authentication. */
  keyId: string | null;
}

export const authApi = {
  me: () => requestJson<Principal>('GET', '/v1/auth/me'),
  /** Opens a session (an HttpOnly cookie) with an API key; the key itself is not kept in the browser. */
  login: (key: string) => requestJson<Principal>('POST', '/v1/auth/login', { key }),
  logout: () => requestJson<void>('POST', '/v1/auth/logout'),
};

export const authKeys = { me: ['auth', 'me'] as const };
