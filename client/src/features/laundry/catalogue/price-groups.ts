import type { LaundryServiceDto } from '@contracts/laundry';
import type { LaundryCategoryDto } from '@contracts/laundry-floor';

export interface PriceGroup {
  /** null: services whose category is unknown or absent. */
  category: LaundryCategoryDto | null;
  services: LaundryServiceDto[];
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/**
 * The price list under its headings, in the categories' order (`categories` as the server sorts them):
 * only services matching the search (either language, accents ignored), the deactivated ones only when
 * asked, and no empty heading while searching. Deactivated categories appear only when they hold a service shown.
 */
export function priceGroups(services: readonly LaundryServiceDto[], categories: readonly LaundryCategoryDto[], search: string, showInactive: boolean): PriceGroup[] {
  const q = fold(search.trim());
  const shown = services.filter((s) => (showInactive || s.isActive) && (!q || fold(s.name).includes(q) || fold(s.nameEn).includes(q)));
  const known = new Set(categories.map((c) => c.id));
  const groups: PriceGroup[] = categories
    .map((category) => ({ category, services: shown.filter((s) => s.categoryId === category.id) }))
    .filter((g) => g.services.length > 0 || (g.category.isActive && !q));
  const orphans = shown.filter((s) => s.categoryId === null || !known.has(s.categoryId));
  if (orphans.length) groups.push({ category: null, services: orphans });
  return groups;
}
