import { useInfiniteQuery } from '@tanstack/react-query';
import type { NotificationDto } from '@contracts/notifications';
import { api, queryString } from '@/lib/api-client';
import { currentLocale } from '@/lib/i18n';
import { notificationsKey } from './unread-count';

export type Notification = NotificationDto;
const PAGE_SIZE = 15;

/** GET /api/notifications: newest first, rendered by the server in the account's language. */
export function listNotifications(cursor: string | undefined, signal?: AbortSignal) {
  return api.list<Notification>(`/api/notifications${queryString({ limit: PAGE_SIZE, cursor })}`, { signal });
}

export function useNotifications(enabled: boolean) {
  return useInfiniteQuery({
    // The texts come in the account's language: a language change asks again.
    queryKey: [...notificationsKey, 'list', currentLocale()],
    queryFn: ({ pageParam, signal }) => listNotifications(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.meta.nextCursor ?? undefined,
    enabled,
  });
}
