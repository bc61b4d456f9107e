import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntryDto } from '@contracts/audit';
import { api, queryString } from '@/lib/api-client';

export type AuditEntry = AuditEntryDto;
export interface AuditFilters {
  entity: string;
  actorType: '' | 'user' | 'client' | 'system' | 'anonymous';
  actorId: string;
  from: string;
  to: string;
  offset: number;
}
export const PAGE_SIZE = 30;

/** GET /api/audit-log: newest first, filtered by entity, actor and Lisbon date range (read-only). */
export function listAudit(filters: AuditFilters, signal?: AbortSignal) {
  const query = queryString({
    entity: filters.entity,
    actorType: filters.actorType,
    actorId: filters.actorType === 'user' ? filters.actorId : '',
    from: filters.from,
    to: filters.to,
    offset: filters.offset,
    limit: PAGE_SIZE,
  });
  return api.list<AuditEntry>(`/api/audit-log${query}`, { signal });
}

export function useAuditLog(filters: AuditFilters) {
  return useQuery({ queryKey: ['audit-log', filters], queryFn: ({ signal }) => listAudit(filters, signal), placeholderData: keepPreviousData });
}
