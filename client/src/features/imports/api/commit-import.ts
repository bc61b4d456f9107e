import { useMutation } from '@tanstack/react-query';
import type { DuplicatePolicy, ImportDto } from '@contracts/imports';
import { api } from '@/lib/api-client';

/** POST /api/imports/:id/commit: the valid rows in one transaction; committing twice imports once. */
export function commitImport(id: number, version: number, duplicates: DuplicatePolicy) {
  return api.post<ImportDto>(`/api/imports/${id}/commit`, { version, duplicates });
}

export function useCommitImport() {
  return useMutation({ mutationFn: (v: { id: number; version: number; duplicates: DuplicatePolicy }) => commitImport(v.id, v.version, v.duplicates) });
}
