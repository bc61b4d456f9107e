import { useMutation } from '@tanstack/react-query';
import type { ImportDto } from '@contracts/imports';
import { api } from '@/lib/api-client';

/** POST /api/imports/:id/undo: deletes the records the import created, while unused. */
export function undoImport(id: number) {
  return api.post<ImportDto>(`/api/imports/${id}/undo`);
}

/** DELETE /api/imports/:id: discards a draft and the cells it holds. */
export function discardImport(id: number) {
  return api.delete<void>(`/api/imports/${id}`);
}

export function useUndoImport() {
  return useMutation({ mutationFn: undoImport });
}

export function useDiscardImport() {
  return useMutation({ mutationFn: discardImport });
}
