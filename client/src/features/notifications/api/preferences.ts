import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { notificationsKey } from './unread-count';

export interface NotificationPreference {
  type: string;
  email: boolean;
  emailDefault: boolean;
}

export interface PushPreference {
  type: string;
  push: boolean;
  pushDefault: boolean;
}

export interface NotificationPreferences {
  items: NotificationPreference[];
  /** Staff and workers on a server with web push; empty otherwise. */
  push: PushPreference[];
}

const preferencesKey = [...notificationsKey, 'preferences'] as const;

/** GET /api/notification-preferences: the own account's e-mail and push choices per type (in-app is always on). */
export function useNotificationPreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: ({ signal }) => api.get<NotificationPreferences>('/api/notification-preferences', { signal }),
  });
}

/** PUT /api/notification-preferences: one or more types on or off, by e-mail or push; the answer is the whole list. */
export function useSetNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (choices: { email?: Record<string, boolean>; push?: Record<string, boolean> }) => api.put<NotificationPreferences>('/api/notification-preferences', choices),
    onSuccess: (data) => queryClient.setQueryData(preferencesKey, data),
  });
}
