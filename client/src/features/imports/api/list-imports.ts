import { useQuery } from '@tanstack/react-query';
import type { ImportDto } from '@contracts/imports';
import { api } from '@/lib/api-client';
import { importKeys } from './keys';

/** GET /api/imports: the latest imports, newest first. */
export function listImports(signal?: AbortSignal) {
  return api.list<ImportDto>('/api/imports?limit=10', { signal });
}

export function useImportHistory() {
  return useQuery({ queryKey: importKeys.history, queryFn: ({ signal }) => listImports(signal) });
}
