/** The laundry screens' query keys: one root, so a status change can refresh every laundry list at once. */
export const laundryKeys = {
  all: ['laundry'] as const,
  allServices: () => ['laundry', 'services'] as const,
  services: (includeInactive: boolean) => ['laundry', 'services', { includeInactive }] as const,
  allCategories: () => ['laundry', 'categories'] as const,
  categories: (includeInactive: boolean) => ['laundry', 'categories', { includeInactive }] as const,
  orders: () => ['laundry', 'orders'] as const,
  list: (filters: object) => ['laundry', 'orders', 'list', filters] as const,
  detail: (id: number) => ['laundry', 'orders', 'detail', id] as const,
  condition: (id: number) => ['laundry', 'orders', 'condition', id] as const,
  preview: (body: object) => ['laundry', 'preview', body] as const,
  properties: (clientId: number) => ['laundry', 'properties', clientId] as const,
  workers: () => ['laundry', 'workers'] as const,
  notifications: () => ['laundry', 'notifications'] as const,
  allRacks: () => ['laundry', 'racks'] as const,
  racks: (filters: object) => ['laundry', 'racks', filters] as const,
};
