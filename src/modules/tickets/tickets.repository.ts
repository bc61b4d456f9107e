import type { Queryable } from '../../db/pool.js';
import { fetchPage, oneOf, sqlParams, type Page, type PageInput, type SortColumn } from '../../lib/paging.js';
import type { TicketPriorityValue, TicketStatusValue } from '../../contracts/tickets.js';

export interface TicketRow {
  id: number;
  title: string;
  description: string;
  priority: TicketPriorityValue;
  status: TicketStatusValue;
  created_by: number;
  created_by_name: string;
  assigned_to: number | null;
  assignee_name: string | null;
  laundry_order_id: number | null;
  order_number: string | null;
  cleaning_job_id: number | null;
  resolved_at: Date | null;
  resolved_by: number | null;
  resolved_by_name: string | null;
  resolution: string | null;
  closed_at: Date | null;
  closed_by: number | null;
  closed_by_name: string | null;
  comment_count: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface CommentRow {
  id: number;
  author_id: number;
  author_name: string;
  body: string;
  created_at: Date;
}

export interface TicketFilters {
  status?: TicketStatusValue[] | undefined;
  priority?: TicketPriorityValue[] | undefined;
  assigneeId?: number | undefined;
  unassigned?: boolean | undefined;
  /** A worker's scope: created by or assigned to this user. */
  involving?: number | undefined;
  laundryOrderId?: number | undefined;
  cleaningJobId?: number | undefined;
}

const COLUMNS = `t.id, t.title, t.description, t.priority, t.status, t.created_by, cb.name AS created_by_name, t.assigned_to,
  au.name AS assignee_name, t.laundry_order_id, lo.order_number, t.cleaning_job_id, t.resolved_at, t.resolved_by,
  rb.name AS resolved_by_name, t.resolution, t.closed_at, t.closed_by, clb.name AS closed_by_name,
  (SELECT count(*)::int FROM ticket_comments k WHERE k.ticket_id = t.id) AS comment_count, t.version, t.created_at, t.updated_at`;

const FROM = `tickets t JOIN users cb ON cb.id = t.created_by LEFT JOIN users au ON au.id = t.assigned_to
  LEFT JOIN users rb ON rb.id = t.resolved_by LEFT JOIN users clb ON clb.id = t.closed_by
  LEFT JOIN laundry_orders lo ON lo.id = t.laundry_order_id`;

/**
 * "Priority then age" as one sortable number: the priority rank in the high digits, the age (older =
 * larger) below, so descending puts the most urgent first and, within a priority, the oldest first.
 */
const URGENCY = `((CASE t.priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END)::numeric * 10000000000000
  - floor(extract(epoch FROM t.created_at) * 1000))`;

export const TICKET_SORTS = {
  urgency: { sql: URGENCY, type: 'number' },
  createdAt: { sql: 't.created_at', type: 'timestamp' },
  updatedAt: { sql: 't.updated_at', type: 'timestamp' },
} satisfies Record<string, SortColumn>;

export function createTicketsRepository(db: Queryable) {
  return {
    async insert(
      tx: Queryable,
      n: { title: string; description: string; priority: string; createdBy: number; laundryOrderId: number | null; cleaningJobId: number | null; photoId?: number | null; at: Date },
    ): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO tickets (title, description, priority, created_by, laundry_order_id, cleaning_job_id, photo_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
        [n.title, n.description, n.priority, n.createdBy, n.laundryOrderId, n.cleaningJobId, n.photoId ?? null, n.at],
      );
      return rows[0]!.id;
    },

    async find(q: Queryable, id: number, forUpdate = false): Promise<TicketRow | undefined> {
      const { rows } = await q.query<TicketRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE t.id = $1 ${forUpdate ? 'FOR UPDATE OF t' : ''}`, [id]);
      return rows[0];
    },

    async update(tx: Queryable, id: number, version: number, fields: Record<string, unknown>, at: Date): Promise<boolean> {
      const p = sqlParams([id, version, at]);
      const sets = ['updated_at = $3', 'version = version + 1'];
      for (const [column, value] of Object.entries(fields)) sets.push(`${column} = ${p.add(value)}`);
      const { rowCount } = await tx.query(`UPDATE tickets SET ${sets.join(', ')} WHERE id = $1 AND version = $2`, p.values);
      return (rowCount ?? 0) > 0;
    },

    async list(f: TicketFilters, page: PageInput): Promise<Page<TicketRow>> {
      const p = sqlParams();
      const where: string[] = [];
      if (f.status?.length) where.push(oneOf('t.status', f.status, p));
      if (f.priority?.length) where.push(`t.priority = ANY(${p.add(f.priority)}::text[])`);
      if (f.assigneeId) where.push(`t.assigned_to = ${p.add(f.assigneeId)}`);
      if (f.unassigned) where.push('t.assigned_to IS NULL');
      if (f.involving) {
        const me = p.add(f.involving);
        where.push(`(t.created_by = ${me} OR t.assigned_to = ${me})`);
      }
      if (f.laundryOrderId) where.push(`t.laundry_order_id = ${p.add(f.laundryOrderId)}`);
      if (f.cleaningJobId) where.push(`t.cleaning_job_id = ${p.add(f.cleaningJobId)}`);
      return fetchPage<TicketRow, keyof typeof TICKET_SORTS>(db, { columns: COLUMNS, from: FROM, where, params: p, sorts: TICKET_SORTS, id: 't.id' }, page);
    },

    async comments(q: Queryable, ticketId: number): Promise<CommentRow[]> {
      const { rows } = await q.query<CommentRow>(
        `SELECT k.id, k.author_id, u.name AS author_name, k.body, k.created_at FROM ticket_comments k JOIN users u ON u.id = k.author_id
          WHERE k.ticket_id = $1 ORDER BY k.created_at, k.id`,
        [ticketId],
      );
      return rows;
    },

    async addComment(tx: Queryable, ticketId: number, authorId: number, body: string, at: Date): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO ticket_comments (ticket_id, author_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
        [ticketId, authorId, body, at],
      );
      await tx.query(`UPDATE tickets SET updated_at = $2 WHERE id = $1`, [ticketId, at]);
      return rows[0]!.id;
    },

    async staffMember(q: Queryable, id: number): Promise<{ id: number; role: string; is_active: boolean } | undefined> {
      const { rows } = await q.query<{ id: number; role: string; is_active: boolean }>(`SELECT id, role, is_active FROM users WHERE id = $1`, [id]);
      return rows[0];
    },

    async orderExists(q: Queryable, id: number): Promise<boolean> {
      const { rowCount } = await q.query(`SELECT 1 FROM laundry_orders WHERE id = $1`, [id]);
      return (rowCount ?? 0) > 0;
    },

    /** A job exists and, for a worker, is one of theirs (a job they cannot see does not exist for them). */
    async jobVisible(q: Queryable, id: number, workerId: number | null): Promise<boolean> {
      const { rowCount } = await q.query(
        workerId === null
          ? `SELECT 1 FROM cleaning_jobs WHERE id = $1`
          : `SELECT 1 FROM cleaning_job_workers WHERE job_id = $1 AND worker_id = $2`,
        workerId === null ? [id] : [id, workerId],
      );
      return (rowCount ?? 0) > 0;
    },
  };
}

export type TicketsRepository = ReturnType<typeof createTicketsRepository>;
