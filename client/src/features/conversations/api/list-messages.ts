import { useInfiniteQuery } from '@tanstack/react-query';
import { api, queryString } from '@/lib/api-client';
import { conversationsKeys, threadPath, type ThreadMessage, type ThreadSubject } from './keys';

const PAGE_SIZE = 30;

/** GET /api/threads/:subject/:id/messages: newest first; older pages follow the cursor. */
export function listMessages(subject: ThreadSubject, id: number, cursor: string | undefined, signal?: AbortSignal) {
  return api.list<ThreadMessage>(`${threadPath(subject, id)}/messages${queryString({ limit: PAGE_SIZE, cursor })}`, { signal });
}

/** The thread's messages, asked again every 10 s while it is on screen so the other side's replies arrive. */
export function useMessages(subject: ThreadSubject, id: number) {
  return useInfiniteQuery({
    queryKey: conversationsKeys.messages(subject, id),
    queryFn: ({ pageParam, signal }) => listMessages(subject, id, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.meta.nextCursor ?? undefined,
    refetchInterval: 10_000,
  });
}
