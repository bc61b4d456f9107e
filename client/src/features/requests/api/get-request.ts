import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { requestsKeys, type ClientRequest } from './keys';

/** GET /api/requests/:id: the request with its history (404 when it is another client's). */
export function getRequest(id: number, signal?: AbortSignal) {
  return api.get<ClientRequest>(`/api/requests/${id}`, { signal });
}

export function useRequest(id: number) {
  return useQuery({ queryKey: requestsKeys.detail(id), queryFn: ({ signal }) => getRequest(id, signal), enabled: Number.isInteger(id) && id > 0 });
}
