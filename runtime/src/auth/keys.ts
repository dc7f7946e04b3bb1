import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from '@journey/shared';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { AuditLog } from '../audit/log';
import type { Database } from '../db/client';
import { apiKeys } from '../db/schema';
import { ConflictError, NotFoundError } from '../http-errors';
import type { Principal } from './roles';

export type ApiKeyRow = typeof apiKeys.$inferSelect;
/** A key as shown to admins: never the key or its hash. */
export type ApiKey = Omit<ApiKeyRow, 'lookup' | 'hash'>;

/** 32 random bytes: far beyond guessing, so a plain sha-256 (no slow KDF) is enough to store it. */
export function generateKey(): string {
  return `jk_${randomBytes(32).toString('base64url')}`;
}

const LOOKUP_LENGTH = 16;
/** lastUsedAt is only rewritten when it is older than this, so busy ingestion keys do not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;
/** The actor of the first admin key, which nobody's key created. */
const STARTUP_ACTOR = { name: 'startup', role: 'admin' } as const;

const digest = (key: string) => createHash('sha256').update(key).digest('hex');

function withoutSecrets({ lookup: _lookup, hash: _hash, ...key }: ApiKeyRow): ApiKey {
  return key;
}

const toPrincipal = (row: ApiKeyRow): Principal => ({ keyId: row.id, name: row.name, role: row.role });

/** Creates, lists, revokes and checks API keys. */
export class ApiKeyStore {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
  ) {}

  /** Stores a key (a new random one unless given) and returns it with the key itself, which is never shown again. */
  create(
    holder: { name: string; role: Role },
    by: Principal | undefined,
    at: number,
    key: string = generateKey(),
  ): { record: ApiKey; key: string } {
    const hash = digest(key);
    const row: ApiKeyRow = {
      id: randomBytes(8).toString('hex'),
      name: holder.name,
      role: holder.role,
      lookup: hash.slice(0, LOOKUP_LENGTH),
      hash,
      createdAt: at,
      createdBy: by?.name ?? null,
      lastUsedAt: null,
      revokedAt: null,
    };
    this.db.transaction(() => {
      this.db.insert(apiKeys).values(row).run();
      this.audit.record(by ?? STARTUP_ACTOR, 'key.created', at, {
        detail: { keyId: row.id, name: row.name, role: row.role },
      });
    });
    return { record: withoutSecrets(row), key };
  }

  /** Every key, revoked ones included, oldest first. */
  list(): ApiKey[] {
    return this.db.select().from(apiKeys).orderBy(asc(apiKeys.createdAt), asc(apiKeys.id)).all().map(withoutSecrets);
  }

  /** Revokes a key at once: its bearer requests and its sessions stop working. The last admin key stays. */
  revoke(id: string, by: Principal, at: number): ApiKey {
    return this.db.transaction(() => {
      const row = this.db.select().from(apiKeys).where(eq(apiKeys.id, id)).get();
      if (!row) throw new NotFoundError(`API key ${id} not found`);
      if (row.revokedAt !== null) throw new ConflictError(`API key ${id} is already revoked`);
      if (row.role === 'admin' && this.activeAdmins().length === 1) {
        throw new ConflictError('This is the last active admin key; create another admin key before revoking it');
      }
      this.db.update(apiKeys).set({ revokedAt: at }).where(eq(apiKeys.id, id)).run();
      this.audit.record(by, 'key.revoked', at, { detail: { keyId: id, name: row.name, role: row.role } });
      return withoutSecrets({ ...row, revokedAt: at });
    });
  }

  /** The holder of an active key, or undefined; the stored hash is compared in constant time. */
  authenticate(key: string, at: number): Principal | undefined {
    const hash = Buffer.from(digest(key), 'hex');
    const candidates = this.db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.lookup, hash.toString('hex').slice(0, LOOKUP_LENGTH)), isNull(apiKeys.revokedAt)))
      .all();
    const row = candidates.find((candidate) => timingSafeEqual(Buffer.from(candidate.hash, 'hex'), hash));
    if (!row) return undefined;
    if (row.lastUsedAt === null || at - row.lastUsedAt >= LAST_USED_RESOLUTION_MS) {
      this.db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, row.id)).run();
    }
    return toPrincipal(row);
  }

  /** The holder of a key by id while it is not revoked (sessions name their key by id). */
  active(id: string): Principal | undefined {
    const row = this.db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .get();
    return row && toPrincipal(row);
  }

  activeAdmins(): ApiKey[] {
    return this.db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.role, 'admin'), isNull(apiKeys.revokedAt)))
      .all()
      .map(withoutSecrets);
  }

  /**
   * Makes sure someone can administer. With no active admin key, stores `configured` (JOURNEY_ADMIN_KEY) or a new
   * random key, which it returns so the caller can show it once.
   */
  bootstrapAdmin(configured: string | undefined, at: number): { generated?: string } {
    if (this.activeAdmins().length > 0) return {};
    const { key } = this.create({ name: 'admin', role: 'admin' }, undefined, at, configured);
    return configured === undefined ? { generated: key } : {};
  }
}
