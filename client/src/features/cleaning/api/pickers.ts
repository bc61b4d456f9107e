import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/*
 * The lookups the booking form needs besides the client picker: a client's properties, the
 * active workers and the default hourly rate. Only the fields the form uses are typed here.
 */

export interface PropertyOption {
  id: number;
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  postalCode: string;
  isPrimary: boolean;
  isActive: boolean;
}

export interface WorkerOption {
  id: number;
  name: string;
  username: string;
  isActive: boolean;
}

/** GET /api/clients/:id/properties: the active addresses of a client. */
export function useClientProperties(clientId: number | undefined) {
  return useQuery({
    queryKey: ['cleaning', 'pick', 'properties', clientId],
    queryFn: async () => (await api.list<PropertyOption>(`/api/clients/${clientId}/properties?active=true&limit=100`)).items,
    enabled: clientId !== undefined,
  });
}

/** GET /api/users?role=worker&active=true: who can be assigned. */
export function useWorkers() {
  return useQuery({
    queryKey: ['cleaning', 'pick', 'workers'],
    queryFn: async () => (await api.list<WorkerOption>('/api/users?role=worker&active=true&limit=100&sort=name')).items,
    staleTime: 5 * 60_000,
  });
}

interface SettingRow {
  key: string;
  value: unknown;
}

/** GET /api/settings: the default hourly rate a new job starts from. */
export function useDefaultHourlyRate() {
  return useQuery({
    queryKey: ['cleaning', 'pick', 'hourly-rate'],
    queryFn: async () => {
      const rows = await api.listAll<SettingRow>('/api/settings');
      const rate = rows.find((row) => row.key === 'cleaningHourlyRateCents')?.value;
      return typeof rate === 'number' ? rate : undefined;
    },
    staleTime: 5 * 60_000,
  });
}
