import { useQuery } from '@tanstack/react-query';
import { api, queryString } from '@/lib/api-client';
import { laundryKeys } from './keys';

export interface WorkerOption {
  id: number;
  name: string;
}

/** GET /api/users?role=worker&active=true: who an order can be assigned to. */
export async function listWorkers(): Promise<WorkerOption[]> {
  const page = await api.list<WorkerOption>(`/api/users${queryString({ role: 'worker', active: 'true', limit: 100 })}`);
  return page.items.map(({ id, name }) => ({ id, name }));
}

export function useWorkers() {
  return useQuery({ queryKey: laundryKeys.workers(), queryFn: listWorkers, staleTime: 5 * 60_000 });
}
