/**
 * Rows PostgreSQL aggregated into JSON (`json_agg` of a sub-select, so a detail is one statement) arrive
 * with their timestamps as ISO strings, where the driver would have parsed them into Dates. This puts the
 * named fields back into Dates in place, so such a row is the same as one read by its own statement.
 */
export function jsonRows<T>(value: unknown, dateFields: readonly string[]): T[] {
  const rows = (value ?? []) as Array<Record<string, unknown>>;
  for (const row of rows) {
    for (const field of dateFields) {
      const v = row[field];
      if (typeof v === 'string') row[field] = new Date(v);
    }
  }
  return rows as T[];
}

/** One JSON-aggregated row (or none), dates revived as in `jsonRows`. */
export function jsonRow<T>(value: unknown, dateFields: readonly string[]): T | undefined {
  return value == null ? undefined : jsonRows<T>([value], dateFields)[0];
}
