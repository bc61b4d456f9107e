import type { Queryable } from '../../db/pool.js';

export interface ClientBillingRow {
  id: number;
  billing: 'per_document' | 'monthly';
  reminders_excluded: boolean;
  anonymized: boolean;
}

export interface NewReminder {
  line: 'laundry' | 'cleaning';
  documentId: number;
  stepDays: number;
  clientId: number;
  balanceCents: number;
  at: Date;
}

/** Reminders sent and statements issued (issue 19 §5–6): each claimed by an insert, so it happens once. */
export function createBillingRepository() {
  return {
    async clients(q: Queryable, ids: number[]): Promise<ClientBillingRow[]> {
      const { rows } = await q.query<ClientBillingRow>(
        `SELECT id, billing, reminders_excluded, anonymized_at IS NOT NULL AS anonymized FROM clients WHERE id = ANY($1::bigint[])`,
        [ids],
      );
      return rows;
    },

    /** When each (client, month) statement was issued, for these clients. */
    async statementsIssued(q: Queryable, clientIds: number[]): Promise<Map<string, Date>> {
      const { rows } = await q.query<{ client_id: number; month: string; issued_at: Date }>(
        `SELECT client_id, month, issued_at FROM statement_issues WHERE client_id = ANY($1::bigint[])`,
        [clientIds],
      );
      return new Map(rows.map((r) => [`${r.client_id}:${r.month}`, r.issued_at]));
    },

    /**
     * Claims a reminder step of a document: true when this call inserted it. A step at or beyond it already
     * sent means nothing is claimed (a document first seen at 30 days is not then reminded for 7 and 14);
     * two workers claiming the same step meet on the primary key and only one inserts.
     */
    async claimReminder(tx: Queryable, r: NewReminder): Promise<boolean> {
      const { rowCount } = await tx.query(
        `INSERT INTO document_reminders (line, document_id, step_days, client_id, balance_cents, sent_at)
         SELECT $1, $2, $3, $4, $5, $6
          WHERE NOT EXISTS (SELECT 1 FROM document_reminders WHERE line = $1 AND document_id = $2 AND step_days >= $3)
         ON CONFLICT DO NOTHING`,
        [r.line, r.documentId, r.stepDays, r.clientId, r.balanceCents, r.at],
      );
      return (rowCount ?? 0) > 0;
    },

    /** The on-account clients who may receive a statement (not anonymised). */
    async monthlyClients(q: Queryable): Promise<number[]> {
      const { rows } = await q.query<{ id: number }>(`SELECT id FROM clients WHERE billing = 'monthly' AND anonymized_at IS NULL ORDER BY id`);
      return rows.map((r) => r.id);
    },

    /** Claims the statement of a client's month: true when this call inserted it (once per cluster). */
    async claimStatement(tx: Queryable, clientId: number, month: string, closingBalanceCents: number, at: Date): Promise<boolean> {
      const { rowCount } = await tx.query(
        `INSERT INTO statement_issues (client_id, month, closing_balance_cents, issued_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [clientId, month, closingBalanceCents, at],
      );
      return (rowCount ?? 0) > 0;
    },
  };
}

export type BillingRepository = ReturnType<typeof createBillingRepository>;
