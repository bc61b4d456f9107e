import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween, lisbonInstant, occurrenceDate, occurrencesThrough, reanchor, ruleStartingOn } from '../../src/modules/cleaning/cleaning-schedule.js';
import { allowedNext, assertTransition, isOpen } from '../../src/modules/cleaning/cleaning-status.js';
import { lisbonDate } from '../../src/lib/clock.js';

describe('Lisbon wall-clock times', () => {
  it('when a date is in winter or summer, then the instant follows the offset of that day', () => {
    expect(lisbonInstant('2026-01-15', '10:00').toISOString()).toBe('2026-01-15T10:00:00.000Z');
    expect(lisbonInstant('2026-07-15', '10:00').toISOString()).toBe('2026-07-15T09:00:00.000Z');
    expect(lisbonInstant('2026-07-16', '00:30').toISOString()).toBe('2026-07-15T23:30:00.000Z');
  });

  it('when the clocks change, then the day before and after each keep their own offset', () => {
    // Summer time starts 2026-03-29 01:00 UTC and ends 2026-10-25 01:00 UTC.
    expect(lisbonInstant('2026-03-28', '12:00').toISOString()).toBe('2026-03-28T12:00:00.000Z');
    expect(lisbonInstant('2026-03-29', '12:00').toISOString()).toBe('2026-03-29T11:00:00.000Z');
    expect(lisbonInstant('2026-10-25', '12:00').toISOString()).toBe('2026-10-25T12:00:00.000Z');
    // 01:30 does not exist on the spring day: it lands an hour later, at 02:30 summer time.
    expect(lisbonInstant('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('when any Lisbon date and time is turned into an instant, then that instant is on the same Lisbon date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (day, h, m) => {
        const date = addDays('2024-01-01', day);
        const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        expect(lisbonDate(lisbonInstant(date, time))).toBe(date);
      }),
    );
  });
});

describe('recurrence', () => {
  it('when weekly every 2 weeks, then occurrences step 14 days from the first date', () => {
    const rule = ruleStartingOn('weekly', 2, '2026-07-02');
    expect(occurrencesThrough(rule, 0, '2026-08-01').map((o) => o.date)).toEqual(['2026-07-02', '2026-07-16', '2026-07-30']);
    expect(occurrenceDate(rule, 10)).toBe(addDays('2026-07-02', 140));
  });

  it('when monthly on the 31st, then shorter months use their last day and longer ones the 31st again', () => {
    const rule = ruleStartingOn('monthly', 1, '2026-01-31');
    expect(occurrencesThrough(rule, 0, '2026-05-31').map((o) => o.date)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
    expect(occurrenceDate(ruleStartingOn('monthly', 1, '2027-12-29'), 2)).toBe('2028-02-29');
    expect(occurrenceDate(ruleStartingOn('monthly', 3, '2026-11-15'), 1)).toBe('2027-02-15');
  });

  it('when generation resumes from a later index, then it continues the same sequence without repeats', () => {
    const rule = ruleStartingOn('weekly', 1, '2026-07-06');
    const all = occurrencesThrough(rule, 0, '2026-09-30');
    const firstPart = occurrencesThrough(rule, 0, '2026-08-01');
    const rest = occurrencesThrough(rule, firstPart.length, '2026-09-30');
    expect([...firstPart, ...rest]).toEqual(all);
  });

  it('when an occurrence is moved with all later ones, then that occurrence lands on the new date and the rhythm is kept', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'weekly' | 'monthly'>('weekly', 'monthly'),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: -20, max: 20 }),
        (frequency, interval, index, shift) => {
          const rule = ruleStartingOn(frequency, interval, '2026-03-10');
          const target = addDays(occurrenceDate(rule, index), shift);
          const moved = reanchor(rule, index, target);
          expect(occurrenceDate(moved, index)).toBe(target);
          if (frequency === 'weekly') expect(daysBetween(occurrenceDate(moved, index), occurrenceDate(moved, index + 1))).toBe(7 * interval);
        },
      ),
    );
  });
});

describe('cleaning job states', () => {
  it('when a job is scheduled or in progress, then it is open; completed and cancelled are final', () => {
    expect(allowedNext('scheduled')).toEqual(['in_progress', 'cancelled']);
    expect(allowedNext('in_progress')).toEqual(['completed', 'cancelled']);
    expect([isOpen('completed'), isOpen('cancelled'), isOpen('scheduled')]).toEqual([false, false, true]);
  });

  it('when a step is illegal, then it is 409 INVALID_TRANSITION with what is allowed', () => {
    expect(() => assertTransition('scheduled', 'completed')).toThrow(expect.objectContaining({ status: 409, code: 'INVALID_TRANSITION', details: { from: 'scheduled', to: 'completed', allowed: ['in_progress', 'cancelled'] } }));
    expect(() => assertTransition('completed', 'cancelled')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    expect(() => assertTransition('in_progress', 'completed')).not.toThrow();
  });
});
