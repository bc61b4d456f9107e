import { useQuery } from '@tanstack/react-query';
import type { SettingDto } from '@contracts/settings';
import { api } from '@/lib/api-client';

export type Setting = SettingDto;
export const settingsKey = ['settings'] as const;

/** GET /api/settings: every key with its value, default and version (master and admin). */
export function getSettings(signal?: AbortSignal) {
  return api.listAll<Setting>('/api/settings', { signal });
}

export function useSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: ({ signal }) => getSettings(signal) });
}
