/** Lisbon calendar arithmetic for billing, on YYYY-MM-DD strings (no time zone can shift them). */

const DAY_MS = 86_400_000;

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The month (YYYY-MM) before the month of a calendar date. */
export function previousMonth(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The highest reminder step (days) reached at `age` days, if any; `steps` ascending. */
export function stepReached(steps: readonly number[], age: number): number | undefined {
  let reached: number | undefined;
  for (const s of steps) if (s <= age) reached = s;
  return reached;
}
