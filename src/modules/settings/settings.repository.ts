import type { Queryable } from '../../db/pool.js';

export interface SettingRow {
  key: string;
  value: unknown;
  version: number;
  updated_by: number | null;
  updated_at: Date;
}

export function createSettingsRepository() {
  return {
    async all(q: Queryable, forUpdate = false): Promise<SettingRow[]> {
      const { rows } = await q.query<SettingRow>(`SELECT key, value, version, updated_by, updated_at FROM settings ORDER BY key${forUpdate ? ' FOR UPDATE' : ''}`);
      return rows;
    },

    async one(q: Queryable, key: string): Promise<SettingRow | undefined> {
      const { rows } = await q.query<SettingRow>(`SELECT key, value, version, updated_by, updated_at FROM settings WHERE key = $1`, [key]);
      return rows[0];
    },

    /**
     * Writes a value only if the stored version is still `expected` (0: nothing stored yet). Returns
     * false when someone else got there first. A first write that races another first write hits the
     * primary key and writes nothing, so it is reported the same way.
     */
    async write(tx: Queryable, key: string, value: unknown, expected: number, by: number | null, at: Date): Promise<boolean> {
      const json = JSON.stringify(value);
      if (expected === 0) {
        const { rowCount } = await tx.query(
          `INSERT INTO settings (key, value, version, updated_by, updated_at) VALUES ($1, $2, 1, $3, $4) ON CONFLICT (key) DO NOTHING`,
          [key, json, by, at],
        );
        return rowCount === 1;
      }
      const { rowCount } = await tx.query(
        `UPDATE settings SET value = $2, version = version + 1, updated_by = $3, updated_at = $4 WHERE key = $1 AND version = $5`,
        [key, json, by, at, expected],
      );
      return rowCount === 1;
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
