import { describe, expect, it } from 'vitest';
import { dayPart, formatCount, formatDate, formatDateTime, formatMoney, formatPercent, formatPhone } from '@/lib/format';

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

  it('when a VAT rate is shown, then it follows each language’s own percent style', () => {
    for (const [locale, tag] of [['pt', 'pt-PT'], ['en', 'en-GB']] as const) {
      expect(formatPercent(2300, locale)).toBe(new Intl.NumberFormat(tag, { style: 'percent' }).format(0.23));
    }
    expect(formatPercent(2300, 'pt')).toBe('23%');
    expect(formatPercent(2300, 'en')).toBe('23%');
    expect(formatPercent(650, 'pt')).toBe('6,5%');
    expect(formatPercent(650, 'en')).toBe('6.5%');
  });

  it('when a phone is shown, then it is grouped as people read it, never raw E.164', () => {
    expect(formatPhone('+351912345678')).toBe('+351 912 345 678');
    expect(formatPhone('+351912345678', { national: true })).toBe('912 345 678');
    expect(formatPhone('+351213456789')).toBe('+351 213 456 789');
    expect(formatPhone('+442079460958')).toBe('+44 207 946 0958');
    expect(formatPhone('+14155550123')).toBe('+1 415 555 0123');
    expect(formatPhone('+2389912345')).toBe('+238 991 2345');
    expect(formatPhone('not a phone')).toBe('not a phone');
  });

  it('when items are counted, then the noun takes the plural of the language', () => {
    expect(formatCount(1, 'pieces', 'pt')).toBe('1 peça');
    expect(formatCount(3, 'pieces', 'pt')).toBe('3 peças');
    expect(formatCount(0, 'pieces', 'pt')).toBe('0 peças');
    expect(formatCount(1, 'pieces', 'en')).toBe('1 piece');
    expect(formatCount(3, 'pieces', 'en')).toBe('3 pieces');
    expect(formatCount(1, 'items', 'pt')).toBe('1 artigo');
    expect(formatCount(2, 'items', 'en')).toBe('2 items');
    // None is plural in both languages, as Portugal says it.
    expect(formatCount(0, 'items', 'pt')).toBe('0 artigos');
    expect(formatCount(0, 'items', 'en')).toBe('0 items');
  });
});
