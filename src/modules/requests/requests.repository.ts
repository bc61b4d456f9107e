import type { Queryable } from '../../db/pool.js';
import { fetchPage, oneOf, sqlParams, type Page, type PageInput, type SortColumn } from '../../lib/paging.js';
import type { RequestKindValue, RequestStateValue } from '../../contracts/requests.js';

export interface RequestRow {
  id: number;
  client_id: number;
  client_name: string;
  kind: RequestKindValue;
  state: RequestStateValue;
  property_id: number | null;
  property_name: string | null;
  property_address: string | null;
  address: string | null;
  laundry_order_id: number | null;
  preferred_date: string;
  window_start: string;
  window_end: string;
  notes: string | null;
  proposed_date: string | null;
  proposed_window_start: string | null;
  proposed_window_end: string | null;
  proposal_note: string | null;
  decline_reason: string | null;
  cancel_reason: string | null;
  /** The order linked to the request: the one a delivery is for, or the one made from a pickup. */
  linked_order_id: number | null;
  linked_order_number: string | null;
  linked_order_status: string | null;
  linked_job_id: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface HistoryRow {
  id: number;
  action: string;
  from_state: RequestStateValue | null;
  to_state: RequestStateValue;
  actor_type: 'user' | 'client';
  actor_id: number;
  actor_name: string | null;
  note: string | null;
  details: Record<string, unknown> | null;
  created_at: Date;
}

export interface RequestFilters {
  state?: RequestStateValue[] | undefined;
  kind?: RequestKindValue[] | undefined;
  clientId?: number | undefined;
}

const COLUMNS = `r.id, r.client_id, c.name AS client_name, r.kind, r.state, r.property_id, p.name AS property_name,
  concat_ws(', ', p.address_line1, p.address_line2, p.postal_code || ' ' || p.city) AS property_address, r.address,
  r.laundry_order_id, to_char(r.preferred_date, 'YYYY-MM-DD') AS preferred_date, to_char(r.window_start, 'HH24:MI') AS window_start,
  to_char(r.window_end, 'HH24:MI') AS window_end, r.notes, to_char(r.proposed_date, 'YYYY-MM-DD') AS proposed_date,
  to_char(r.proposed_window_start, 'HH24:MI') AS proposed_window_start, to_char(r.proposed_window_end, 'HH24:MI') AS proposed_window_end,
  r.proposal_note, r.decline_reason, r.cancel_reason, lo.id AS linked_order_id, lo.order_number AS linked_order_number,
  lo.status AS linked_order_status, cj.id AS linked_job_id, r.version, r.created_at, r.updated_at`;

const FROM = `client_requests r JOIN clients c ON c.id = r.client_id LEFT JOIN properties p ON p.id = r.property_id
  LEFT JOIN laundry_orders lo ON lo.id = COALESCE(r.laundry_order_id, (SELECT o.id FROM laundry_orders o WHERE o.request_id = r.id))
  LEFT JOIN cleaning_jobs cj ON cj.request_id = r.id`;

export const REQUEST_SORTS = {
  createdAt: { sql: 'r.created_at', type: 'timestamp' },
} satisfies Record<string, SortColumn>;

export interface NewRequest {
  clientId: number;
  kind: RequestKindValue;
  propertyId: number | null;
  address: string | null;
  laundryOrderId: number | null;
  preferredDate: string;
  windowStart: string;
  windowEnd: string;
  notes: string | null;
  at: Date;
}

/** One line of a request's history: who moved it from which state to which, and when. */
export interface NewHistory {
  requestId: number;
  action: string;
  from: string | null;
  to: string;
  actorType: 'user' | 'client';
  actorId: number;
  note: string | null;
  details: Record<string, unknown> | null;
  at: Date;
}

export function createRequestsRepository(db: Queryable) {
  return {
    async insert(tx: Queryable, n: NewRequest): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO client_requests (client_id, kind, property_id, address, laundry_order_id, preferred_date, window_start, window_end, notes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
        [n.clientId, n.kind, n.propertyId, n.address, n.laundryOrderId, n.preferredDate, n.windowStart, n.windowEnd, n.notes, n.at],
      );
      return rows[0]!.id;
    },

    async find(q: Queryable, id: number, forUpdate = false): Promise<RequestRow | undefined> {
      if (forUpdate) await q.query(`SELECT 1 FROM client_requests WHERE id = $1 FOR UPDATE`, [id]);
      const { rows } = await q.query<RequestRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = $1`, [id]);
      return rows[0];
    },

    async update(tx: Queryable, id: number, fields: Record<string, unknown>, at: Date): Promise<void> {
      const p = sqlParams([id, at]);
      const sets = ['updated_at = $2', 'version = version + 1'];
      for (const [column, value] of Object.entries(fields)) sets.push(`${column} = ${p.add(value)}`);
      await tx.query(`UPDATE client_requests SET ${sets.join(', ')} WHERE id = $1`, p.values);
    },

    async addHistory(tx: Queryable, h: NewHistory): Promise<void> {
      await tx.query(
        `INSERT INTO client_request_history (request_id, action, from_state, to_state, actor_type, actor_id, note, details, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [h.requestId, h.action, h.from, h.to, h.actorType, h.actorId, h.note, h.details ? JSON.stringify(h.details) : null, h.at],
      );
    },

    async history(q: Queryable, requestId: number): Promise<HistoryRow[]> {
      const { rows } = await q.query<HistoryRow>(
        `SELECT h.id, h.action, h.from_state, h.to_state, h.actor_type, h.actor_id,
                CASE h.actor_type WHEN 'user' THEN u.name ELSE c.name END AS actor_name, h.note, h.details, h.created_at
           FROM client_request_history h
           LEFT JOIN users u ON h.actor_type = 'user' AND u.id = h.actor_id
           LEFT JOIN clients c ON h.actor_type = 'client' AND c.id = h.actor_id
          WHERE h.request_id = $1 ORDER BY h.created_at, h.id`,
        [requestId],
      );
      return rows;
    },

    async list(f: RequestFilters, page: PageInput): Promise<Page<RequestRow>> {
      const p = sqlParams();
      const where: string[] = [];
      if (f.state?.length) where.push(oneOf('r.state', f.state, p));
      if (f.kind?.length) where.push(oneOf('r.kind', f.kind, p));
      if (f.clientId) where.push(`r.client_id = ${p.add(f.clientId)}`);
      return fetchPage<RequestRow, keyof typeof REQUEST_SORTS>(
        db,
        { columns: COLUMNS, from: FROM, countFrom: 'client_requests r', where, params: p, sorts: REQUEST_SORTS, id: 'r.id' },
        page,
      );
    },

    async counts(q: Queryable): Promise<Record<string, number>> {
      const { rows } = await q.query<{ state: string; n: number }>(`SELECT state, count(*)::int AS n FROM client_requests GROUP BY state`);
      return Object.fromEntries(rows.map((r) => [r.state, r.n]));
    },

    /** A client's active property, or nothing (another client's is the same as none). */
    async clientProperty(q: Queryable, clientId: number, propertyId: number): Promise<{ id: number } | undefined> {
      const { rows } = await q.query<{ id: number }>(`SELECT id FROM properties WHERE id = $1 AND client_id = $2 AND is_active`, [propertyId, clientId]);
      return rows[0];
    },

    async clientOrder(q: Queryable, clientId: number, orderId: number): Promise<{ id: number; status: string } | undefined> {
      const { rows } = await q.query<{ id: number; status: string }>(`SELECT id, status FROM laundry_orders WHERE id = $1 AND client_id = $2`, [orderId, clientId]);
      return rows[0];
    },

    /** Staff who are told of new requests: the active owner and managers. */
    async staffRecipients(q: Queryable): Promise<number[]> {
      const { rows } = await q.query<{ id: number }>(`SELECT id FROM users WHERE role IN ('master', 'admin') AND is_active ORDER BY id`);
      return rows.map((r) => r.id);
    },

    // --- GDPR ---------------------------------------------------------------------------------------
    async ofClient(q: Queryable, clientId: number): Promise<RequestRow[]> {
      const { rows } = await q.query<RequestRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.client_id = $1 ORDER BY r.created_at, r.id`, [clientId]);
      return rows;
    },

    async historyOfClient(q: Queryable, clientId: number): Promise<Array<HistoryRow & { request_id: number }>> {
      const { rows } = await q.query<HistoryRow & { request_id: number }>(
        `SELECT h.request_id, h.id, h.action, h.from_state, h.to_state, h.actor_type, h.actor_id, NULL AS actor_name, h.note, h.details, h.created_at
           FROM client_request_history h JOIN client_requests r ON r.id = h.request_id
          WHERE r.client_id = $1 ORDER BY h.created_at, h.id`,
        [clientId],
      );
      return rows;
    },

    /** The free texts a client wrote (or that were written about them) go; kinds, dates and states stay. */
    async anonymiseClient(tx: Queryable, clientId: number): Promise<void> {
      await tx.query(
        `UPDATE client_requests SET address = NULL, notes = NULL, proposal_note = NULL, decline_reason = NULL, cancel_reason = NULL
          WHERE client_id = $1`,
        [clientId],
      );
      await tx.query(
        `UPDATE client_request_history h SET note = NULL FROM client_requests r WHERE r.id = h.request_id AND r.client_id = $1`,
        [clientId],
      );
    },
  };
}

export type RequestsRepository = ReturnType<typeof createRequestsRepository>;
