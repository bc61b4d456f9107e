import { lisbonDate, lisbonInstant, lisbonTime } from '@/lib/lisbon-time';

/** An instant as the value of a datetime-local input showing Lisbon's clock. */
export function toLisbonInput(instant: string | number | Date): string {
  return `${lisbonDate(instant)}T${lisbonTime(instant)}`;
}

/** A datetime-local value read as Lisbon's clock, back to an ISO instant (undefined when incomplete). */
export function fromLisbonInput(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return match ? lisbonInstant(match[1]!, match[2]!).toISOString() : undefined;
}
