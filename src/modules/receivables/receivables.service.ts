import type { Db } from '../../db/pool.js';
import type { Actor } from '../../lib/request-context.js';
import { mapPage, type PageInput } from '../../lib/paging.js';
import type { ReceivableDocumentDto, ReceivablesSummaryDto } from '../../contracts/receivables.js';
import type { ReceivableFilters, ReceivableRow, ReceivablesRepository, ReceivablesSummaryRow } from './receivables.repository.js';

/**
 * What clients owe (ADR 0014): the summary and the documents behind it, from one definition. Staff see
 * every client (or one, by `clientId`); a client always sees only their own, whatever they ask for.
 */

function toDocument(r: ReceivableRow): ReceivableDocumentDto {
  return {
    serviceLine: r.line,
    id: r.id,
    reference: r.reference,
    client: { id: r.client_id, name: r.client_name },
    status: r.status,
    stage: r.stage,
    datedAt: r.dated_at.toISOString(),
    totalCents: r.total,
    paidCents: r.paid,
    balanceCents: r.balance,
  };
}

function toSummary(r: ReceivablesSummaryRow): ReceivablesSummaryDto {
  return { documents: r.documents, balanceCents: r.balance, accruedCents: r.accrued, inProgressCents: r.in_progress, creditCents: r.credit };
}

/** Whose receivables a caller may read: a client's own, or what staff asked for. */
const scopeOf = (actor: Actor, clientId: number | undefined) => (actor.type === 'client' ? actor.id : clientId);

export function createReceivablesService({ db, repo }: { db: Db; repo: ReceivablesRepository }) {
  return {
    async summary(actor: Actor, clientId?: number): Promise<ReceivablesSummaryDto> {
      return toSummary(await repo.summary(db, scopeOf(actor, clientId)));
    },

    async list(actor: Actor, filters: ReceivableFilters, page: PageInput) {
      return mapPage(await repo.list(db, { ...filters, clientId: scopeOf(actor, filters.clientId) }, page), toDocument);
    },

    /**
     * Accrued documents still owed, accrued before an instant, all clients (the reminders' candidates,
     * issue 19 §6). `datedAt` is the accrual date of ADR 0014.
     */
    async accruedOwedBefore(accruedBefore: Date): Promise<ReceivableDocumentDto[]> {
      return (await repo.accruedOwedBefore(db, accruedBefore)).map(toDocument);
    },

    /**
     * The oldest finished work still owed, for the staff dashboard: what is overdue. Orders still in the
     * shop are owed too (they are in the summary) but not late, so they would only crowd the list.
     */
    async oldestOwed(limit: number): Promise<ReceivableDocumentDto[]> {
      return (await repo.oldestAccrued(db, limit)).map(toDocument);
    },
  };
}

export type ReceivablesService = ReturnType<typeof createReceivablesService>;
