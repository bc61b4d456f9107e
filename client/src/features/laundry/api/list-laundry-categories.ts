/** GET /api/laundry-categories: the price list's categories in their order (active ones unless asked). */
export { useLaundryCategories } from './laundry-catalogue';
export type { LaundryCategoryDto } from '@contracts/laundry-floor';
