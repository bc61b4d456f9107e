import { AppError } from '../../lib/app-error.js';
import { divideHalfUp } from '../../lib/money.js';
import { ITEM_STAGES, type ItemStageValue } from '../../contracts/laundry-floor.js';

/** Pure rules of the laundry floor (issue 21): service codes, express surcharges, item stages. */

/**
 * A service's code from its name: accents dropped, upper case, words joined by `_` ("Fato 2 peças" →
 * `FATO_2_PECAS`), the first of STEM, STEM_2, STEM_3… not in `taken`. The code is an identifier for
 * exports and imports; screens always show the name.
 */
export function serviceCode(name: string, taken: ReadonlySet<string>): string {
  let stem = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 34)
    .replace(/_+$/, '');
  if (!/^[A-Z]/.test(stem)) stem = `S_${stem}`.replace(/_+$/, '');
  if (stem.length < 2) stem = `${stem}_X`;
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export interface ExpressPricing {
  kind: 'percent' | 'fixed';
  value: number;
}

/**
 * The express surcharge of a priced line: a percentage (basis points, half-up to the cent) of the line
 * after its minimum, or a fixed amount per piece (per-item lines) or per line (per-kg lines).
 */
export function expressSurchargeCents(lineTotalCents: number, unit: 'per_kg' | 'per_item', quantity: number | null, option: ExpressPricing): number {
  if (option.kind === 'percent') return divideHalfUp(lineTotalCents * option.value, 10_000);
  return unit === 'per_item' ? option.value * (quantity ?? 1) : option.value;
}

/** A Lisbon calendar date plus whole days (dates only: no time zone can shift them). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const rank = (stage: ItemStageValue) => ITEM_STAGES.indexOf(stage);

export function nextStage(stage: ItemStageValue): ItemStageValue | null {
  return ITEM_STAGES[rank(stage) + 1] ?? null;
}

/** Items only move forward on a scan (a step may be skipped: a bag is not ironed); back is a revert. */
export function assertStageForward(from: ItemStageValue, to: ItemStageValue): void {
  if (rank(to) <= rank(from)) {
    throw new AppError(409, 'INVALID_TRANSITION', `An item cannot go from ${from} to ${to}; going back is a staff revert with a reason.`, {
      from,
      to,
      allowed: ITEM_STAGES.slice(rank(from) + 1),
    });
  }
}

export function assertStageBackward(from: ItemStageValue, to: ItemStageValue): void {
  if (rank(to) >= rank(from)) {
    throw new AppError(409, 'INVALID_TRANSITION', `A revert goes back: the item is ${from}, not past ${to}.`, { from, to, allowed: ITEM_STAGES.slice(0, rank(from)) });
  }
}

/** Initials for a label: first letters of the first and last words ("Ana Maria Silva" → "AS"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const first = words[0]!.charAt(0);
  const last = words.length > 1 ? words[words.length - 1]!.charAt(0) : '';
  return (first + last).toUpperCase();
}
