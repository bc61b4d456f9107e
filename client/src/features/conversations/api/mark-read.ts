import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { conversationsKeys, threadPath, type Thread, type ThreadSubject } from './keys';

/** POST /api/threads/:subject/:id/read: read up to the newest message shown. */
export function markThreadRead(subject: ThreadSubject, id: number, upToMessageId: number) {
  return api.post<Thread>(`${threadPath(subject, id)}/read`, { upToMessageId });
}

export function useMarkThreadRead(subject: ThreadSubject, id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upToMessageId: number) => markThreadRead(subject, id, upToMessageId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: conversationsKeys.unread() });
      void queryClient.invalidateQueries({ queryKey: [...conversationsKeys.all, 'inbox'] });
    },
  });
}
