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
  subject_job_id: number | null;
  subject_job_type: 'airbnb' | 'house' | null;
  subject_job_date: string | null;
  subject_property_id: number | null;
  subject_property_name: string | null;
  subject_order_id: number | null;
  subject_order_number: string | null;
  subject_client_id: number | null;
  subject_client_name: string | null;
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

/** A numeric entity id, or null for ids that are not (a CSV export's name). */
const idOf = (entities: string) => `CASE WHEN a.entity IN (${entities}) AND a.entity_id ~ '^[0-9]{1,18}$' THEN a.entity_id::bigint END`;
const afterId = (field: string) => `CASE WHEN (a.after ->> '${field}') ~ '^[0-9]{1,18}$' THEN (a.after ->> '${field}')::bigint END`;

/** What an entry (`audit_log a`) is about: the columns of {@link SUBJECT_JOINS}, read by `subjectOf`. */
export const SUBJECT_COLUMNS = `sj.id AS subject_job_id, sj.job_type AS subject_job_type, to_char(sj.scheduled_date, 'YYYY-MM-DD') AS subject_job_date,
  sp.id AS subject_property_id, sp.name AS subject_property_name, so.id AS subject_order_id, so.order_number AS subject_order_number,
  sc.id AS subject_client_id, sc.name AS subject_client_name`;

export type SubjectRow = Pick<AuditRow, `subject_${string}` & keyof AuditRow>;

const COLUMNS = `a.id, a.at, a.actor_type, a.actor_id, COALESCE(u.name, c.name) AS actor_name, a.action, a.entity, a.entity_id,
  a.changed_fields, a.before, a.after, a.ip, a.correlation_id, ${SUBJECT_COLUMNS}`;

/**
 * What an entry is about (the job, its property, the order, the client), each found by its key in the
 * same query as the entries: a time log, photo, payment, receipt or ticket through its own row, the
 * property whose access notes were read through the job it names. One lookup per entry, no N+1.
 */
export const SUBJECT_JOINS = `
  LEFT JOIN cleaning_time_logs stl ON stl.id = ${idOf("'cleaning_time_log'")}
  LEFT JOIN cleaning_job_photos sph ON sph.id = ${idOf("'cleaning_job_photo'")}
  LEFT JOIN payments spay ON spay.id = ${idOf("'payment'")}
  LEFT JOIN receipts src ON src.id = ${idOf("'receipt'")}
  LEFT JOIN tickets stk ON stk.id = ${idOf("'ticket'")}
  LEFT JOIN client_payments scp ON scp.id = ${idOf("'client_payment'")}
  LEFT JOIN cleaning_jobs sj ON sj.id = COALESCE(${idOf("'cleaning_job'")}, stl.job_id, sph.job_id, spay.cleaning_job_id, src.cleaning_job_id, stk.cleaning_job_id,
    CASE WHEN a.entity IN ('property', 'cleaning_time_log') THEN ${afterId('jobId')} END)
  LEFT JOIN laundry_orders so ON so.id = COALESCE(${idOf("'laundry_order'")}, spay.laundry_order_id, src.laundry_order_id, stk.laundry_order_id)
  LEFT JOIN properties sp ON sp.id = COALESCE(sj.property_id, ${idOf("'property'")})
  LEFT JOIN clients sc ON sc.id = COALESCE(sj.client_id, so.client_id, spay.client_id, src.client_id, scp.client_id, sp.client_id, ${idOf("'client'")})`;
const JOINS = `
  LEFT JOIN users u ON a.actor_type = 'user' AND u.id = a.actor_id
  LEFT JOIN clients c ON a.actor_type = 'client' AND c.id = a.actor_id ${SUBJECT_JOINS}`;
const FROM = `audit_log a ${JOINS}`;

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
      return fetchPage<AuditRow, 'at'>(
        db,
        { columns: COLUMNS, from: FROM, countFrom: 'audit_log a', lateJoins: JOINS, where, params: p, sorts: { at: { sql: 'a.at', type: 'timestamp' } }, id: 'a.id' },
        page,
      );
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
