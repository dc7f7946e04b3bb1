import type { Role } from '@journey/shared';

/** Someone acting on the API: a key's holder, or the local admin when authentication is off. */
export interface Principal {
  /** The key (or the session's key); null when authentication is off. */
  keyId: string | null;
  /** Who holds the key: a person or a system; maker-checker tells people apart by it. */
  name: string;
  role: Role;
}

/** Every request acts as this principal when authentication is off (loopback only). */
export const LOCAL_ADMIN: Principal = Object.freeze({ keyId: null, name: 'local', role: 'admin' });
