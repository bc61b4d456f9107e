import { describe, expect, it } from 'vitest';
import { addDays, daysIn, instantsOf, isCalendarDate, lisbonMonth, lisbonStartOfDay, monthRange, quarterRange, shiftMonth, weekOf } from '../../src/modules/reports/periods.js';

describe('Lisbon periods', () => {
  it('when a quarter is asked for, then it spans its three calendar months', () => {
    expect(quarterRange(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterRange(2026, 2)).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(quarterRange(2026, 3)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(quarterRange(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(() => quarterRange(2026, 5)).toThrow(RangeError);
    expect(() => quarterRange(2026, 0)).toThrow(RangeError);
  });

  it('when Q2 starts in summer time, then its first instant is 23:00 UTC the day before', () => {
    const q2 = instantsOf(quarterRange(2026, 2));
    expect(q2.start.toISOString()).toBe('2026-03-31T23:00:00.000Z');
    expect(q2.end.toISOString()).toBe('2026-06-30T23:00:00.000Z');
    const sale = new Date('2026-03-31T23:30:00Z');
    expect(sale >= q2.start && sale < q2.end).toBe(true);
    expect(instantsOf(quarterRange(2026, 1)).end.toISOString()).toBe('2026-03-31T23:00:00.000Z');
  });

  it('when a day starts on either side of a clock change, then its midnight is right', () => {
    expect(lisbonStartOfDay('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(lisbonStartOfDay('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(lisbonStartOfDay('2026-03-30').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(lisbonStartOfDay('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(lisbonStartOfDay('2026-10-26').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('when months and days are counted, then leap years and month ends hold', () => {
    expect(monthRange(2024, 2)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange(2026, 2).to).toBe('2026-02-28');
    expect(() => monthRange(2026, 13)).toThrow(RangeError);
    expect(daysIn({ from: '2026-01-01', to: '2026-12-31' })).toBe(365);
    expect(daysIn({ from: '2026-03-10', to: '2026-03-10' })).toBe(1);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-11', 14)).toBe('2028-01');
    expect(lisbonMonth(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07');
    expect(weekOf('2026-03-12')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(weekOf('2026-03-15')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
  });
});
