import { useInfiniteQuery } from '@tanstack/react-query';
import { api, queryString } from '@/lib/api-client';
import { conversationsKeys, type Thread } from './keys';

const PAGE_SIZE = 30;

/** GET /api/threads: the caller's conversations, unread first, then the most recent. */
export function listThreads(unreadOnly: boolean, cursor: string | undefined, signal?: AbortSignal, assignedToMe = false) {
  return api.list<Thread>(
    `/api/threads${queryString({ limit: PAGE_SIZE, cursor, unread: unreadOnly ? 'true' : undefined, assignedToMe: assignedToMe ? 'true' : undefined })}`,
    { signal },
  );
}

/** The inbox; staff may keep only the conversations put in their charge (`assignedToMe`). */
export function useThreads(unreadOnly: boolean, assignedToMe = false) {
  return useInfiniteQuery({
    queryKey: [...conversationsKeys.inbox(unreadOnly), { assignedToMe }],
    queryFn: ({ pageParam, signal }) => listThreads(unreadOnly, pageParam, signal, assignedToMe),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.meta.nextCursor ?? undefined,
    refetchInterval: 30_000,
  });
}
