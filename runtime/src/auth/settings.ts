import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AuditLog } from '../audit/log';
import type { Database } from '../db/client';
import { settings } from '../db/schema';
import { ConflictError } from '../http-errors';
import type { Principal } from './roles';

/** The settings an admin switches on and off; the environment can require each one. */
export const switchSettings = ['makerChecker', 'creativeApproval'] as const;
export type SwitchName = (typeof switchSettings)[number];

export interface SwitchSetting {
  enabled: boolean;
  /** Required by the environment: enabled, and the admin route cannot turn it off. */
  enforced: boolean;
}

/**
 * Each switch's name in messages and the environment variable that requires it. makerChecker: a publish needs a
 * second person's approval; creativeApproval: publishing sends only the approved text of library creatives.
 */
const switchEnvironment: Record<SwitchName, { label: string; variable: string }> = {
  makerChecker: { label: 'Maker-checker', variable: 'JOURNEY_MAKER_CHECKER' },
  creativeApproval: { label: 'Creative approval', variable: 'JOURNEY_CREATIVE_APPROVAL' },
};

/** Settings kept in the database, so they survive restarts and every admin sees the same. */
export class Settings {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    /** The switches the environment requires (JOURNEY_MAKER_CHECKER=on, JOURNEY_CREATIVE_APPROVAL=on). */
    private readonly enforced: Readonly<Record<SwitchName, boolean>>,
  ) {}

  #read(key: string): unknown {
    return this.db.select().from(settings).where(eq(settings.key, key)).get()?.value;
  }

  #write(key: string, value: unknown, at: number): void {
    this.db
      .insert(settings)
      .values({ key, value, updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } })
      .run();
  }

  /** On when the environment requires it or an admin turned it on. */
  switch(name: SwitchName): SwitchSetting {
    return { enabled: this.enforced[name] || this.#read(name) === true, enforced: this.enforced[name] };
  }

  switches(): Record<SwitchName, SwitchSetting> {
    return { makerChecker: this.switch('makerChecker'), creativeApproval: this.switch('creativeApproval') };
  }

  /** Turns the named switches on or off, in one audited change; turning off one the environment requires is a 409. */
  setSwitches(
    changes: Partial<Record<SwitchName, boolean>>,
    by: Principal,
    at: number,
  ): Record<SwitchName, SwitchSetting> {
    for (const name of switchSettings) {
      if (changes[name] === false && this.enforced[name]) {
        const { label, variable } = switchEnvironment[name];
        throw new ConflictError(`${label} is required by ${variable}=on; change the environment to turn it off`);
      }
    }
    this.db.transaction(() => {
      for (const name of switchSettings) {
        const enabled = changes[name];
        if (enabled !== undefined) this.#write(name, enabled, at);
      }
      this.audit.record(by, 'settings.changed', at, { detail: changes });
    });
    return this.switches();
  }

  /** The key that signs session cookies: made at first start and kept, so sessions survive a restart. */
  sessionSecret(at: number): string {
    const stored = this.#read('sessionSecret');
    if (typeof stored === 'string') return stored;
    const secret = randomBytes(32).toString('base64url');
    this.#write('sessionSecret', secret, at);
    return secret;
  }
}
