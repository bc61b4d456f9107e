import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { notificationsKey } from './unread-count';

export interface NotificationPreference {
  type: string;
  email: boolean;
  emailDefault: boolean;
}

const preferencesKey = [...notificationsKey, 'preferences'] as const;

/** GET /api/notification-preferences: the own account's e-mail choice per type (in-app is always on). */
export function useNotificationPreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: ({ signal }) => api.get<{ items: NotificationPreference[] }>('/api/notification-preferences', { signal }),
    select: (data) => data.items,
  });
}

/** PUT /api/notification-preferences: one or more types on or off; the answer is the whole list. */
export function useSetNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: Record<string, boolean>) => api.put<{ items: NotificationPreference[] }>('/api/notification-preferences', { email }),
    onSuccess: (data) => queryClient.setQueryData(preferencesKey, data),
  });
}
