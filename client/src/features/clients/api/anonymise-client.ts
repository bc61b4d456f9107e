import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { clientsKey } from './list-clients';

/** POST /api/clients/:id/anonymise { confirm: true }: cannot be undone. */
export function anonymiseClient(id: number) {
  return api.post<{ anonymised: true }>(`/api/clients/${id}/anonymise`, { confirm: true });
}

export function useAnonymiseClient() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: anonymiseClient, onSuccess: () => queryClient.invalidateQueries({ queryKey: clientsKey }) });
}
