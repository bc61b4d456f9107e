import type { TFunction } from 'i18next';
import type { LocaleCode } from '@contracts/auth';
import { formatKg, serviceName } from '@/features/laundry/laundry-format';

export interface LineLike {
  serviceName: string;
  serviceNameEn: string;
  weightGrams: number | null;
  quantity: number | null;
  itemType: string | null;
}

/** "5,5 kg" or "2 ×". */
export function lineAmount(line: LineLike, t: TFunction<'laundry'>, locale: LocaleCode): string {
  return line.weightGrams !== null ? t('common.weight', { weight: formatKg(line.weightGrams, locale) }) : t('common.quantity', { count: line.quantity ?? 0 });
}

/** "5,5 kg Lavar e engomar" / "2 × Limpeza a seco (Fato)": one line in words. */
export function lineSummary(line: LineLike, t: TFunction<'laundry'>, locale: LocaleCode): string {
  const name = serviceName({ name: line.serviceName, nameEn: line.serviceNameEn }, locale);
  return `${lineAmount(line, t, locale)} ${name}${line.itemType ? ` (${line.itemType})` : ''}`;
}
