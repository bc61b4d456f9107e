import { useQuery } from '@tanstack/react-query';
import type { NotificationDto } from '@contracts/notifications';
import { api } from '@/lib/api-client';
import { laundryKeys } from './keys';

/** GET /api/notifications: the signed-in account's in-app notifications (the laundry pages show the unread "ready" ones). */
export async function listNotifications(): Promise<NotificationDto[]> {
  const page = await api.list<NotificationDto>('/api/notifications?unread=true&limit=20');
  return page.items;
}

export function useLaundryReadyNotices() {
  return useQuery({
    queryKey: laundryKeys.notifications(),
    queryFn: listNotifications,
    select: (items) => items.filter((n) => n.type === 'laundry.ready' && n.readAt === null),
  });
}
