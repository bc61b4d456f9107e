import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { conversationsKeys, threadPath, type Thread, type ThreadSubject } from './keys';

/** GET /api/threads/:subject/:id: the caller's read mark and unread count, and the assignee. */
export function getThread(subject: ThreadSubject, id: number, signal?: AbortSignal) {
  return api.get<Thread>(threadPath(subject, id), { signal });
}

export function useThread(subject: ThreadSubject, id: number) {
  return useQuery({ queryKey: conversationsKeys.thread(subject, id), queryFn: ({ signal }) => getThread(subject, id, signal) });
}
