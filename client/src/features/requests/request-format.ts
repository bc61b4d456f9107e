import type { TFunction } from 'i18next';
import { formatDate } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { calendarDate } from '@/lib/lisbon-time';

/** "12 Dec 2026, 09:00–12:00": a wanted day and window as people read them. */
export function whenText(t: TFunction<'requests'>, date: string, from: string, to: string): string {
  return t('when', { date: formatDate(calendarDate(date), currentLocale(), 'medium'), from, to });
}
