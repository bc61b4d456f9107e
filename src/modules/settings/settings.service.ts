import type { Db, Queryable } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { Actor } from '../../lib/request-context.js';
import { AppError } from '../../lib/app-error.js';
import { SETTINGS, SETTING_KEYS, type SettingDto, type SettingKey, type SettingValues, type UpdateSettingsInput } from '../../contracts/settings.js';
import type { AuditService } from '../audit/audit.service.js';
import type { SettingRow, SettingsRepository } from './settings.repository.js';

/**
 * Typed settings read fresh from the database on every use: no per-instance cache, so every instance
 * agrees the moment an edit commits. A stored value that no longer passes its schema (a key whose rule
 * tightened) falls back to the default with a warning rather than breaking pricing.
 */
export function createSettingsService({ repo, db, clock, logger, audit }: { repo: SettingsRepository; db: Db; clock: Clock; logger: Logger; audit: AuditService }) {
  function valueOf<K extends SettingKey>(key: K, row: SettingRow | undefined): SettingValues[K] {
    const def = SETTINGS[key];
    if (!row) return def.default as SettingValues[K];
    const parsed = def.schema.safeParse(row.value);
    if (parsed.success) return parsed.data as SettingValues[K];
    logger.warn({ key }, `⚠️ Stored setting ${key} is no longer valid; using its default`);
    return def.default as SettingValues[K];
  }

  function toDto(key: SettingKey, row: SettingRow | undefined): SettingDto {
    return {
      key,
      value: valueOf(key, row),
      defaultValue: SETTINGS[key].default,
      isDefault: !row,
      description: SETTINGS[key].description,
      version: row?.version ?? 0,
      updatedAt: row?.updated_at.toISOString() ?? null,
      updatedBy: row?.updated_by ?? null,
    };
  }

  async function list(q: Queryable = db): Promise<SettingDto[]> {
    const rows = new Map((await repo.all(q)).map((r) => [r.key, r]));
    return SETTING_KEYS.map((key) => toDto(key, rows.get(key)));
  }

  return {
    list: () => list(),

    /**
     * A few settings read inside another statement instead of by one of their own: `column(alias)` is a
     * select-list expression (the stored values of `keys` as one JSON object; PostgreSQL runs the
     * uncorrelated sub-select once per statement, however many rows), `read` turns it into typed values,
     * defaults included. Still read fresh with the statement, so every instance agrees as before.
     */
    pick<K extends SettingKey>(keys: readonly K[]) {
      for (const key of keys) if (!SETTING_KEYS.includes(key)) throw new Error(`Unknown setting ${key}`);
      const list = keys.map((key) => `'${key}'`).join(', ');
      return {
        column: (alias: string) => `(SELECT json_object_agg(s.key, s.value) FROM settings s WHERE s.key IN (${list})) AS ${alias}`,
        read(stored: unknown): Pick<SettingValues, K> {
          const values = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
          return Object.fromEntries(keys.map((key) => [key, valueOf(key, key in values ? ({ value: values[key] } as SettingRow) : undefined)])) as Pick<SettingValues, K>;
        },
      };
    },

    /** One setting's current value, for other modules (pricing reads the VAT rate here, inside its own transaction if it has one). */
    async get<K extends SettingKey>(key: K, q: Queryable = db): Promise<SettingValues[K]> {
      return valueOf(key, await repo.one(q, key));
    },

    async all(q: Queryable = db): Promise<SettingValues> {
      const rows = new Map((await repo.all(q)).map((r) => [r.key, r]));
      return Object.fromEntries(SETTING_KEYS.map((key) => [key, valueOf(key, rows.get(key))])) as SettingValues;
    },

    /** Applies every change or none; a stale version on any key is 409 with the current versions. */
    async update(actor: Actor, input: UpdateSettingsInput): Promise<SettingDto[]> {
      return db.transaction(async (tx) => {
        const before = new Map((await repo.all(tx, true)).map((r) => [r.key, r]));
        const stale: Record<string, number> = {};
        for (const key of SETTING_KEYS) {
          const change = input[key];
          if (!change) continue;
          const current = before.get(key)?.version ?? 0;
          if (change.version !== current) stale[key] = current;
        }
        if (Object.keys(stale).length > 0) {
          throw new AppError(409, 'VERSION_CONFLICT', 'Someone else changed these settings meanwhile. Reload and try again.', { currentVersions: stale });
        }
        for (const key of SETTING_KEYS) {
          const change = input[key];
          if (!change) continue;
          const old = valueOf(key, before.get(key));
          const written = await repo.write(tx, key, change.value, change.version, actor.type === 'user' ? actor.id : null, clock.now());
          if (!written) throw new AppError(409, 'VERSION_CONFLICT', 'Someone else changed these settings meanwhile. Reload and try again.', { key });
          // Settings are business values (rates, prices, company details), so their values are kept.
          await audit.record(tx, { action: 'update', entity: 'setting', entityId: key, before: { [key]: old }, after: { [key]: change.value }, valueFields: [key] });
        }
        return list(tx);
      });
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
