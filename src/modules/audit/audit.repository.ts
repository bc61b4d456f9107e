import type { Queryable } from '../../db/pool.js';
import { fetchPage, sqlParams, type Page, type PageInput } from '../../lib/paging.js';

export interface AuditRow {
  id: number;
  at: Date;
  actor_type: 'user' | 'client' | 'system' | 'anonymous';
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  changed_fields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  correlation_id: string | null;
}

export interface AuditInsert {
  at: Date;
  actorType: AuditRow['actor_type'];
  actorId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  changedFields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  correlationId: string | null;
}

export interface AuditFilters {
  entity?: string | undefined;
  entityId?: string | undefined;
  actorType?: AuditRow['actor_type'] | undefined;
  actorId?: number | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const COLUMNS = `a.id, a.at, a.actor_type, a.actor_id, COALESCE(u.name, c.name) AS actor_name, a.action, a.entity, a.entity_id,
  a.changed_fields, a.before, a.after, a.ip, a.correlation_id`;
const FROM = `audit_log a
  LEFT JOIN users u ON a.actor_type = 'user' AND u.id = a.actor_id
  LEFT JOIN clients c ON a.actor_type = 'client' AND c.id = a.actor_id`;

/** A bare date means that whole day in Lisbon; an instant is taken as given. */
function instant(value: string, p: ReturnType<typeof sqlParams>, endOfDay: boolean): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return `((${p.add(value)}::date + ${endOfDay ? 1 : 0})::timestamp AT TIME ZONE 'Europe/Lisbon')`;
  }
  return `${p.add(value)}::timestamptz`;
}

export function createAuditRepository() {
  return {
    async insert(tx: Queryable, e: AuditInsert): Promise<void> {
      await tx.query(
        `INSERT INTO audit_log (at, actor_type, actor_id, action, entity, entity_id, changed_fields, before, after, ip, correlation_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          e.at,
          e.actorType,
          e.actorId,
          e.action,
          e.entity,
          e.entityId,
          e.changedFields,
          e.before === null ? null : JSON.stringify(e.before),
          e.after === null ? null : JSON.stringify(e.after),
          e.ip,
          e.correlationId,
        ],
      );
    },

    async list(db: Queryable, f: AuditFilters, page: PageInput): Promise<Page<AuditRow>> {
      const p = sqlParams();
      const where: string[] = [];
      if (f.entity) where.push(`a.entity = ${p.add(f.entity)}`);
      if (f.entityId) where.push(`a.entity_id = ${p.add(f.entityId)}`);
      if (f.actorType) where.push(`a.actor_type = ${p.add(f.actorType)}`);
      if (f.actorId !== undefined) where.push(`a.actor_id = ${p.add(f.actorId)}`);
      if (f.action) where.push(`a.action = ${p.add(f.action)}`);
      if (f.from) where.push(`a.at >= ${instant(f.from, p, false)}`);
      if (f.to) where.push(`a.at < ${instant(f.to, p, true)}`);
      return fetchPage<AuditRow, 'at'>(db, { columns: COLUMNS, from: FROM, where, params: p, sorts: { at: { sql: 'a.at', type: 'timestamp' } }, id: 'a.id' }, page);
    },

    /** Everything recorded about a client or done by them (for the GDPR export). */
    async forClient(db: Queryable, clientId: number): Promise<AuditRow[]> {
      const { rows } = await db.query<AuditRow>(
        `SELECT ${COLUMNS} FROM ${FROM}
          WHERE (a.actor_type = 'client' AND a.actor_id = $1) OR (a.entity = 'client' AND a.entity_id = $2)
          ORDER BY a.at, a.id`,
        [clientId, String(clientId)],
      );
      return rows;
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
