import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ThreadAssigneeDto } from '@contracts/threads';
import { api } from '@/lib/api-client';
import { conversationsKeys, threadPath, type Thread, type ThreadSubject } from './keys';

/** GET /api/threads/assignees: the active masters and admins a conversation may be put in charge of. */
export function useThreadAssignees(enabled: boolean) {
  return useQuery({
    queryKey: [...conversationsKeys.all, 'assignees'],
    queryFn: ({ signal }) => api.list<ThreadAssigneeDto>('/api/threads/assignees', { signal }),
    select: (page) => page.items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** PUT /api/threads/:subject/:id/assignee: staff put a master or admin in charge (null: anyone on the team). */
export function useAssignThread(subject: ThreadSubject, id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assigneeId: number | null) => api.put<Thread>(`${threadPath(subject, id)}/assignee`, { assigneeId }),
    onSuccess: (thread) => {
      queryClient.setQueryData(conversationsKeys.thread(subject, id), thread);
      void queryClient.invalidateQueries({ queryKey: [...conversationsKeys.all, 'inbox'] });
    },
  });
}
