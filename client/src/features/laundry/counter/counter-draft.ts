import { LAUNDRY_LIMITS, type LaundryLineInputDto, type LaundryServiceDto } from '@contracts/laundry';
import { parseDecimal } from '@/features/laundry/laundry-format';

/**
 * The counter's order as it is built: one line per garment kind (a tap adds one piece to it), each with
 * the details its pieces share; a piece with other details (colour, a stain) gets a line of its own.
 * Pure: no React.
 */
export interface CounterLine {
  key: string;
  serviceId: number;
  perKg: boolean;
  quantity: number;
  /** Kilograms as typed ("4,2"). */
  weightKg: string;
  colour: string;
  brand: string;
  notes: string;
  photo: File | null;
}

let counter = 0;
const nextKey = () => `counter-line-${(counter += 1)}`;

function newLine(service: LaundryServiceDto, quantity = 1, weightKg = ''): CounterLine {
  return { key: nextKey(), serviceId: service.id, perKg: service.pricingUnit === 'per_kg', quantity, weightKg, colour: '', brand: '', notes: '', photo: null };
}

/**
 * Adds `amount` of a service: pieces to the newest line of that service (a new line when there is none),
 * or for a per-kg service a new bag line with that weight (typed in kilograms; empty to type it next).
 */
export function addService(lines: CounterLine[], service: LaundryServiceDto, amount?: string): { lines: CounterLine[]; key: string } {
  if (service.pricingUnit === 'per_kg') {
    const line = newLine(service, 1, amount ?? '');
    return { lines: [...lines, line], key: line.key };
  }
  const pieces = Math.max(1, Number(amount ?? '1') || 1);
  const last = [...lines].reverse().find((l) => l.serviceId === service.id);
  if (!last) {
    const line = newLine(service, Math.min(pieces, LAUNDRY_LIMITS.quantity));
    return { lines: [...lines, line], key: line.key };
  }
  return { lines: lines.map((l) => (l === last ? { ...l, quantity: Math.min(l.quantity + pieces, LAUNDRY_LIMITS.quantity) } : l)), key: last.key };
}

/** One piece of a line moved to a line of its own (to give it its own colour, notes or photo). */
export function splitLine(lines: CounterLine[], key: string): { lines: CounterLine[]; key: string } {
  const index = lines.findIndex((l) => l.key === key);
  const line = lines[index];
  if (!line) return { lines, key };
  const piece: CounterLine = { ...line, key: nextKey(), quantity: 1, colour: '', brand: '', notes: '', photo: null, weightKg: '' };
  const rest = line.perKg ? line : { ...line, quantity: Math.max(1, line.quantity - 1) };
  const next = [...lines];
  next.splice(index, 1, ...(line.perKg || line.quantity > 1 ? [rest, piece] : [line, piece]));
  return { lines: next, key: piece.key };
}

/**
 * A quick-add entry: an optional amount then words of a service's name, in any order ("3 camisa",
 * "fato 2 peças", "4,2 lavar"). The first active service whose name (either language) contains every
 * word matches; the amount is pieces or kilograms.
 */
export function parseQuick(text: string, services: LaundryServiceDto[]): { service: LaundryServiceDto; amount?: string } | null {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const match = /^\s*(\d+(?:[.,]\d+)?)\s*(?:x|×|\*|kg)?\s+(.+)$/i.exec(text);
  const amount = match?.[1];
  const words = fold(match?.[2] ?? text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const service = services.find((s) => s.isActive && words.every((w) => fold(`${s.name} ${s.nameEn}`).includes(w)));
  return service ? { service, ...(amount ? { amount } : {}) } : null;
}

const text = (value: string) => (value.trim() ? value.trim() : undefined);

/** The lines as the API's (grams as integers), or a problem per line key: `weightRequired`, `weightInvalid`. */
export function buildLines(lines: CounterLine[]): { lines: LaundryLineInputDto[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const built: LaundryLineInputDto[] = [];
  for (const line of lines) {
    const details = { colour: text(line.colour), brand: text(line.brand), conditionNotes: text(line.notes) };
    if (!line.perKg) {
      built.push({ serviceId: line.serviceId, quantity: line.quantity, ...details });
      continue;
    }
    if (!line.weightKg.trim()) {
      errors[line.key] = 'weightRequired';
      continue;
    }
    const grams = parseDecimal(line.weightKg, 3);
    if (typeof grams !== 'number' || grams <= 0 || grams > LAUNDRY_LIMITS.weightGrams) {
      errors[line.key] = 'weightInvalid';
      continue;
    }
    built.push({ serviceId: line.serviceId, weightGrams: grams, ...details });
  }
  return { lines: built, errors };
}

/** Pieces and bags the order will have (each gets a tag). */
export const pieceCount = (lines: CounterLine[]) => lines.reduce((n, l) => n + (l.perKg ? 1 : l.quantity), 0);
