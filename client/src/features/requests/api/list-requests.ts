import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { RequestKindValue, RequestStateValue } from '@contracts/requests';
import { api, queryString, type ListPage } from '@/lib/api-client';
import { requestsKeys, type ClientRequest } from './keys';

export interface RequestFilters {
  state?: RequestStateValue[];
  kind?: RequestKindValue[];
  clientId?: number;
}

const PAGE_SIZE = 50;

/** GET /api/requests: newest first; a client gets only their own. */
export function listRequests(filters: RequestFilters, cursor?: string, signal?: AbortSignal): Promise<ListPage<ClientRequest>> {
  const { state, kind, ...rest } = filters;
  return api.list<ClientRequest>(`/api/requests${queryString({ ...rest, state: state?.join(','), kind: kind?.join(','), limit: PAGE_SIZE, cursor })}`, { signal });
}

export function useRequests(filters: RequestFilters) {
  return useInfiniteQuery({
    queryKey: requestsKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listRequests(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
