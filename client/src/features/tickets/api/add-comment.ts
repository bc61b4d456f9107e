import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TicketCommentDto } from '@contracts/tickets';
import { api } from '@/lib/api-client';
import { ticketsKeys } from './keys';

/** POST /api/tickets/:id/comments: anyone who can see the ticket may comment. */
export function addComment({ id, body }: { id: number; body: string }) {
  return api.create<TicketCommentDto>(`/api/tickets/${id}/comments`, { body });
}

export function useAddComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addComment,
    onSuccess: (_comment, { id }) => {
      void queryClient.invalidateQueries({ queryKey: ticketsKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ticketsKeys.lists() });
    },
  });
}
