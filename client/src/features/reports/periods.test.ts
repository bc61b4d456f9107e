import { describe, expect, it } from 'vitest';
import { matchingPreset, presetRange, quarterOf, quarterRange, rangeProblems } from '@/features/reports/periods';

describe('report periods', () => {
  it('when a preset is chosen, then it covers whole Lisbon months, quarters or years around today', () => {
    expect(presetRange('thisMonth', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetRange('lastMonth', '2025-01-15')).toEqual({ from: '2024-12-01', to: '2024-12-31' });
    expect(presetRange('lastMonth', '2025-03-31')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(presetRange('thisQuarter', '2025-08-01')).toEqual({ from: '2025-07-01', to: '2025-09-30' });
    expect(presetRange('thisYear', '2025-08-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('when a range equals a preset, then that preset is recognised', () => {
    expect(matchingPreset({ from: '2025-07-01', to: '2025-09-30' }, '2025-08-01')).toBe('thisQuarter');
    expect(matchingPreset({ from: '2025-07-01', to: '2025-09-29' }, '2025-08-01')).toBeUndefined();
  });

  it('when a date is given, then its quarter and the quarter’s bounds follow the calendar', () => {
    expect(quarterOf('2025-03-31')).toBe(1);
    expect(quarterOf('2025-04-01')).toBe(2);
    expect(quarterOf('2025-12-31')).toBe(4);
    expect(quarterRange(2025, 2)).toEqual({ from: '2025-04-01', to: '2025-06-30' });
    expect(quarterRange(2025, 4)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });

  it('when a range breaks the server’s rules, then the field and the reason are named', () => {
    expect(rangeProblems({ from: '2025-01-01', to: '2025-12-31' })).toEqual({});
    expect(rangeProblems({ from: '2024-01-01', to: '2024-12-31' })).toEqual({});
    expect(rangeProblems({ from: '2025-02-01', to: '2025-01-31' })).toEqual({ to: 'toBeforeFrom' });
    expect(rangeProblems({ from: '2024-01-01', to: '2025-01-01' })).toEqual({ to: 'tooLong' });
    expect(rangeProblems({ from: '', to: '2025-01-01' })).toEqual({ from: 'fromMissing' });
    expect(rangeProblems({ from: '2025-01-01' })).toEqual({ to: 'toMissing' });
    expect(rangeProblems({})).toEqual({ from: 'fromMissing', to: 'toMissing' });
  });
});
