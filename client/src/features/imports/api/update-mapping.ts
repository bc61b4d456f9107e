import { useMutation } from '@tanstack/react-query';
import type { ImportDto, ImportField } from '@contracts/imports';
import { api } from '@/lib/api-client';

/** PUT /api/imports/:id/mapping: which field each column fills; every row is checked again. */
export function updateMapping(id: number, version: number, columns: Array<ImportField | null>) {
  return api.put<ImportDto>(`/api/imports/${id}/mapping`, { version, columns });
}

export function useUpdateMapping() {
  return useMutation({ mutationFn: (v: { id: number; version: number; columns: Array<ImportField | null> }) => updateMapping(v.id, v.version, v.columns) });
}
