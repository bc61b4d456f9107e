import { describe, expect, it } from 'vitest';
import { addDays, lisbonDate, lisbonInstant, lisbonTime, weekStart, weekdayIndex } from '@/lib/lisbon-time';

// Run with TZ=Pacific/Auckland: the device's zone must never leak into Lisbon's calendar.
describe('Lisbon calendar', () => {
  it('when Lisbon is on summer time, then 10:00 there is 09:00 UTC', () => {
    expect(lisbonInstant('2026-06-10', '10:00').toISOString()).toBe('2026-06-10T09:00:00.000Z');
  });

  it('when Lisbon is on winter time, then 10:00 there is 10:00 UTC', () => {
    expect(lisbonInstant('2026-01-15', '10:00').toISOString()).toBe('2026-01-15T10:00:00.000Z');
  });

  it('when an instant is just after midnight in Lisbon, then its date is already the next day', () => {
    expect(lisbonDate('2025-07-01T23:30:00Z')).toBe('2025-07-02');
    expect(lisbonTime('2025-07-01T23:30:00Z')).toBe('00:30');
  });

  it('when a wall-clock time is converted and read back, then it is the same on the day the clocks change', () => {
    const instant = lisbonInstant('2026-03-29', '09:15');
    expect(lisbonDate(instant)).toBe('2026-03-29');
    expect(lisbonTime(instant)).toBe('09:15');
  });

  it('when weeks are counted, then they start on Monday and cross month ends', () => {
    expect(weekdayIndex('2026-06-08')).toBe(0);
    expect(weekdayIndex('2026-06-14')).toBe(6);
    expect(weekStart('2026-07-02')).toBe('2026-06-29');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });
});
