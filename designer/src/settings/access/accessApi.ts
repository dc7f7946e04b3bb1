import type { Role } from '@journey/shared';
import { requestJson } from '../../api/http';

// The runtime's API keys and settings (see /openapi.json, tag "admin"); admins only.

/** A key as the runtime lists it: who holds it and with which role, never the key itself. */
export interface ApiKey {
  id: string;
  /** Who holds the key: a person or a system. */
  name: string;
  role: Role;
  createdAt: string;
  /** Null for the first admin key, which the runtime made at its first start. */
  createdBy: string | null;
  /** Updated at most once a minute. */
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A key just created, with the key itself: this answer is the only time the runtime shows it. */
export interface CreatedApiKey extends ApiKey {
  key: string;
}

/** The runtime settings an admin switches on and off. */
export type SwitchName = 'makerChecker' | 'creativeApproval';

export interface SwitchSetting {
  enabled: boolean;
  /** Required by the runtime's environment (JOURNEY_MAKER_CHECKER=on, JOURNEY_CREATIVE_APPROVAL=on): it cannot be turned off here. */
  enforced: boolean;
}

export interface RuntimeSettings {
  /** Publishing needs a second person's approval. */
  makerChecker: SwitchSetting;
  /** Publishing sends the approved text of library creatives and refuses creatives never approved. */
  creativeApproval: SwitchSetting;
}

export const accessApi = {
  keys: () => requestJson<{ keys: ApiKey[] }>('GET', '/v1/admin/keys').then((body) => body.keys),
  createKey: (holder: { name: string; role: Role }) => requestJson<CreatedApiKey>('POST', '/v1/admin/keys', holder),
  /** Revokes at once: the key's requests and the sessions opened with it stop working. */
  revokeKey: (id: string) => requestJson<ApiKey>('DELETE', `/v1/admin/keys/${encodeURIComponent(id)}`),
  settings: () => requestJson<RuntimeSettings>('GET', '/v1/admin/settings'),
  /** Changes one setting; the others stay as they are. */
  setSwitch: (name: SwitchName, enabled: boolean) =>
    requestJson<RuntimeSettings>('PUT', '/v1/admin/settings', { [name]: enabled }),
};

export const accessKeys = {
  keys: ['admin', 'keys'] as const,
  settings: ['admin', 'settings'] as const,
};
