import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AuditLog } from '../audit/log';
import type { Database } from '../db/client';
import { settings } from '../db/schema';
import { ConflictError } from '../http-errors';
import type { Principal } from './roles';

export interface MakerCheckerSetting {
  /** Whether a publish needs a second person's approval. */
  enabled: boolean;
  /** JOURNEY_MAKER_CHECKER=on: enabled, and the admin route cannot turn it off. */
  enforced: boolean;
}

/** Settings kept in the database, so they survive restarts and every admin sees the same. */
export class Settings {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    /** Set by the environment (JOURNEY_MAKER_CHECKER=on). */
    private readonly makerCheckerEnforced: boolean,
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

  makerChecker(): MakerCheckerSetting {
    return {
      enabled: this.makerCheckerEnforced || this.#read('makerChecker') === true,
      enforced: this.makerCheckerEnforced,
    };
  }

  setMakerChecker(enabled: boolean, by: Principal, at: number): MakerCheckerSetting {
    if (!enabled && this.makerCheckerEnforced) {
      throw new ConflictError(
        'Maker-checker is required by JOURNEY_MAKER_CHECKER=on; change the environment to turn it off',
      );
    }
    this.db.transaction(() => {
      this.#write('makerChecker', enabled, at);
      this.audit.record(by, 'settings.changed', at, { detail: { makerChecker: enabled } });
    });
    return this.makerChecker();
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
