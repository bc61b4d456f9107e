import { useQuery } from '@tanstack/react-query';
import type { NotificationDto } from '@contracts/notifications';
import { api, queryString } from '@/lib/api-client';
import { currentLocale } from '@/lib/i18n';
import { notificationsKey } from '@/features/notifications/api/unread-count';

/** GET /api/notifications?unread=true: the few newest unread, for the client's home. */
export function useLatestUnread(limit = 3) {
  return useQuery({
    // Under the notifications key: reading one in the bell refreshes this list too.
    queryKey: [...notificationsKey, 'home-unread', limit, currentLocale()],
    queryFn: async ({ signal }) => (await api.list<NotificationDto>(`/api/notifications${queryString({ unread: true, limit })}`, { signal })).items,
  });
}
