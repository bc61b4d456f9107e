import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateSettingsInput } from '@contracts/settings';
import { api } from '@/lib/api-client';
import { settingsKey, type Setting } from './get-settings';

/** PATCH /api/settings: several keys at once, each with the version read; all or nothing (master). */
export function updateSettings(input: UpdateSettingsInput) {
  return api.patch<Setting[]>('/api/settings', input);
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateSettings, onSuccess: (settings) => queryClient.setQueryData(settingsKey, settings) });
}
