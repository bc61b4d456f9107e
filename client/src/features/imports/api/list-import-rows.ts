import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ImportRowDto } from '@contracts/imports';
import { api, queryString } from '@/lib/api-client';
import { importKeys } from './keys';

export const ROWS_PAGE = 50;
export type RowFilter = '' | 'invalid' | 'duplicate' | 'valid';

/** GET /api/imports/:id/rows: a page of rows, by line, with their problems per field and cell. */
export function listImportRows(id: number, outcome: RowFilter, offset: number, signal?: AbortSignal) {
  return api.list<ImportRowDto>(`/api/imports/${id}/rows${queryString({ outcome, offset, limit: ROWS_PAGE })}`, { signal });
}

export function useImportRows(id: number, outcome: RowFilter, offset: number, version: number) {
  return useQuery({
    queryKey: [...importKeys.rows(id, outcome, offset), version],
    queryFn: ({ signal }) => listImportRows(id, outcome, offset, signal),
    placeholderData: keepPreviousData,
  });
}
