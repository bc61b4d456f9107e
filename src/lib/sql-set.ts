import type { SqlParams } from './paging.js';

/**
 * `column = $n` pairs for the fields present in a partial update (an omitted field is left alone;
 * null clears it). `columns` maps API field names to their database columns, so only known fields
 * ever reach SQL.
 */
export function setClause(changes: Record<string, unknown>, columns: Record<string, string>, p: SqlParams): string[] {
  return Object.entries(changes)
    .filter(([field, value]) => value !== undefined && columns[field] !== undefined)
    .map(([field, value]) => `${columns[field]} = ${p.add(value)}`);
}
