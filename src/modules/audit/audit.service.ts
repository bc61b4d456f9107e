import type { Queryable } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import { requestContext } from '../../lib/request-context.js';
import type { AuditEntryDto, AuditSubjectDto } from '../../contracts/audit.js';
import type { PageInput } from '../../lib/paging.js';
import { mapPage } from '../../lib/paging.js';
import type { AuditFilters, AuditRepository, AuditRow, SubjectRow } from './audit.repository.js';

type Snapshot = Record<string, unknown>;

export interface AuditRecord {
  /** e.g. create, update, deactivate, reactivate, delete, reset_password, export, anonymise. */
  action: string;
  /** e.g. user, client, property, setting. */
  entity: string;
  entityId: string | number | null;
  /** The record as the API sees it before and after; either may be null (create, delete). */
  before?: Snapshot | null;
  after?: Snapshot | null;
  /**
   * Fields whose values may be kept: prices, statuses, flags — never names, phones, NIFs, notes or
   * secrets. Every other changed field is recorded by name only.
   */
  valueFields?: readonly string[];
  /** Fields that changed without showing in before/after (a password). */
  extraFields?: readonly string[];
  /** Who acted, when it is not the signed-in caller (a reset by token, a background job). */
  actor?: { type: 'user' | 'client' | 'system' | 'anonymous'; id: number | null };
}

const IGNORED = new Set(['version', 'updatedAt', 'createdAt']);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Field names whose values differ between two snapshots (a create lists every field it set). */
export function changedFields(before: Snapshot | null | undefined, after: Snapshot | null | undefined): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => !IGNORED.has(k) && !same(before?.[k], after?.[k])).sort();
}

function pick(snapshot: Snapshot | null | undefined, fields: string[]): Snapshot | null {
  if (!snapshot) return null;
  const out: Snapshot = {};
  for (const f of fields) if (f in snapshot) out[f] = snapshot[f];
  return Object.keys(out).length > 0 ? out : null;
}

const idOrNull = (value: number | string | null) => (value === null ? null : Number(value));

/** The job, property, order and client an entry is about (columns of SUBJECT_COLUMNS). */
export function subjectOf(row: SubjectRow): AuditSubjectDto {
  return {
    jobId: idOrNull(row.subject_job_id),
    jobType: row.subject_job_type,
    jobDate: row.subject_job_date,
    propertyId: idOrNull(row.subject_property_id),
    propertyName: row.subject_property_name,
    orderId: idOrNull(row.subject_order_id),
    orderNumber: row.subject_order_number,
    clientId: idOrNull(row.subject_client_id),
    clientName: row.subject_client_name,
  };
}

export function toAuditDto(row: AuditRow): AuditEntryDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    subject: subjectOf(row),
    changedFields: row.changed_fields,
    before: row.before,
    after: row.after,
    ip: row.ip,
    correlationId: row.correlation_id,
  };
}

/**
 * The audit writer every module calls inside its own transaction, so the change and its record
 * commit or roll back together. Who, from where and under which correlation id come from the
 * request context.
 */
export function createAuditService({ repo, clock, db }: { repo: AuditRepository; clock: Clock; db: Queryable }) {
  return {
    async record(tx: Queryable, r: AuditRecord): Promise<void> {
      const ctx = requestContext.get();
      const fields = [...new Set([...changedFields(r.before, r.after), ...(r.extraFields ?? [])])].sort();
      const valueFields = fields.filter((f) => r.valueFields?.includes(f));
      const actor = r.actor ?? (ctx?.actor ? { type: ctx.actor.type, id: ctx.actor.id } : { type: ctx ? 'anonymous' : 'system', id: null });
      await repo.insert(tx, {
        at: clock.now(),
        actorType: actor.type,
        actorId: actor.id,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId === null ? null : String(r.entityId),
        changedFields: fields,
        before: pick(r.before, valueFields),
        after: pick(r.after, valueFields),
        ip: ctx?.ip ?? null,
        correlationId: ctx?.correlationId ?? null,
      });
    },

    async list(filters: AuditFilters, page: PageInput) {
      return mapPage(await repo.list(db, filters, page), toAuditDto);
    },

    async forClient(q: Queryable, clientId: number): Promise<AuditEntryDto[]> {
      return (await repo.forClient(q, clientId)).map(toAuditDto);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
