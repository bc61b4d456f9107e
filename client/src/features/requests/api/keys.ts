import type { ClientRequestDto } from '@contracts/requests';

/** Every request query key starts here, so one invalidation refreshes the inbox, lists, details and the nav count. */
export const requestsKeys = {
  all: ['requests'] as const,
  lists: () => [...requestsKeys.all, 'list'] as const,
  list: (filters: object) => [...requestsKeys.lists(), filters] as const,
  detail: (id: number) => [...requestsKeys.all, 'detail', id] as const,
  prefill: (id: number) => [...requestsKeys.all, 'prefill', id] as const,
  counts: () => [...requestsKeys.all, 'counts'] as const,
};

export type ClientRequest = ClientRequestDto;
