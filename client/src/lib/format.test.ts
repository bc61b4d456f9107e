import { describe, expect, it } from 'vitest';
import { dayPart, formatDate, formatDateTime, formatMoney } from '@/lib/format';

// Run with TZ=Pacific/Auckland: every expectation below is Lisbon's view of the instant.
describe('formatting', () => {
  it('when cents are shown, then they become euros in each language’s style', () => {
    expect(formatMoney(2368, 'pt')).toBe('23,68\u00a0€');
    expect(formatMoney(2368, 'en')).toBe('€23.68');
    expect(formatMoney(123456, 'pt')).toBe('1234,56\u00a0€');
  });

  it('when an instant is late evening UTC in summer, then the date is already the next day in Lisbon', () => {
    const instant = '2025-07-01T23:30:00Z'; // 00:30 on 2 July in Lisbon (UTC+1), 11:30 in Auckland
    expect(formatDate(instant, 'pt', 'long')).toBe('2 de julho de 2025');
    expect(formatDate(instant, 'en', 'long')).toBe('2 July 2025');
    expect(formatDateTime(instant, 'pt', 'short')).toBe('02/07/25, 00:30');
  });

  it('when it is a given Lisbon hour, then the greeting follows it', () => {
    expect(dayPart(new Date('2025-01-15T09:00:00Z'))).toBe('morning');
    expect(dayPart(new Date('2025-01-15T19:59:00Z'))).toBe('afternoon');
    expect(dayPart(new Date('2025-07-15T19:30:00Z'))).toBe('evening'); // 20:30 in Lisbon (summer)
  });
});
