import { AuditEntry } from '../../contracts/audit.js';
import { route, type Routes } from '../../http/endpoint.js';
import { AuditListQuery } from './audit.schemas.js';
import type { AuditService } from './audit.service.js';

export function auditRoutes(routes: Routes, { audit }: { audit: AuditService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/audit-log',
      summary: 'The audit log, newest first, filtered by entity, actor, action and date range',
      tags: ['Audit'],
      access: ['master', 'admin'],
      query: AuditListQuery,
      response: AuditEntry,
      list: true,
      errors: { 400: 'VALIDATION_FAILED, INVALID_CURSOR, INVALID_PAGING' },
    },
    ({ query }) => audit.list(query, query),
  );
}
