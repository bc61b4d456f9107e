import { useQuery } from '@tanstack/react-query';
import type { ImportDto } from '@contracts/imports';
import { api } from '@/lib/api-client';
import { importKeys } from './keys';

/** GET /api/imports/:id: the mapping, the counts and, once committed, what was done. */
export function getImport(id: number, signal?: AbortSignal) {
  return api.get<ImportDto>(`/api/imports/${id}`, { signal });
}

export function useImport(id: number | null) {
  return useQuery({ queryKey: importKeys.one(id ?? 0), queryFn: ({ signal }) => getImport(id!, signal), enabled: id !== null });
}
