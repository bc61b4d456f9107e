import crypto from 'node:crypto';
import type { Db, Queryable } from '../../db/pool.js';
import { badRequest, conflict, notFound } from '../../lib/app-error.js';
import { lisbonDate, type Clock } from '../../lib/clock.js';
import type { Actor } from '../../lib/request-context.js';
import { mapPage, type PageInput } from '../../lib/paging.js';
import type { IssueReceiptInput, ReceiptDto, ReceiptSnapshotDto } from '../../contracts/receipts.js';
import type { PaymentDto } from '../../contracts/payments.js';
import type { AuditService } from '../audit/audit.service.js';
import type { TargetRef } from '../payments/payments.repository.js';
import { lisbonMonth } from '../reports/periods.js';
import { formatDecimal, formatReceiptNumber, LABELS, type Locale } from './receipt-format.js';
import { renderReceiptPdf } from './receipt-pdf.js';
import type { ClientDocRow, ReceiptFilters, ReceiptRow, ReceiptsRepository } from './receipts.repository.js';

export interface CompanyDetails {
  companyName: string;
  companyNif: string;
  companyAddress: string;
  companyIban: string;
}

export interface ReceiptsServiceDeps {
  db: Db;
  repo: ReceiptsRepository;
  clock: Clock;
  audit: AuditService;
  company(q: Queryable): Promise<CompanyDetails>;
  /** The payment records of a target, voided ones included (the payments module answers). */
  payments(q: Queryable, t: TargetRef): Promise<PaymentDto[]>;
}

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const ANONYMISED = 'Cliente anonimizado';

function toDto(r: ReceiptRow, withSnapshot: boolean): ReceiptDto {
  return {
    id: r.id,
    receiptNumber: r.receipt_number,
    serviceLine: r.laundry_order_id !== null ? 'laundry' : 'cleaning',
    laundryOrderId: r.laundry_order_id,
    cleaningJobId: r.cleaning_job_id,
    reference: r.snapshot.reference,
    client: { id: r.client_id, name: r.client_name },
    locale: r.locale,
    totalCents: r.total_cents,
    balanceCents: r.balance_cents,
    issuedAt: r.issued_at.toISOString(),
    pdfSha256: r.pdf_sha256,
    pdfUrl: `/api/receipts/${r.id}/pdf`,
    ...(withSnapshot ? { snapshot: r.snapshot } : {}),
  };
}

function billedClient(c: ClientDocRow) {
  const name = c.is_enterprise && c.company_name ? `${c.company_name} (${c.name})` : c.name;
  return { name, nif: c.nif, address: c.address };
}

/** Kept money as printed: payments without their tips, refunds, voided records left out. */
function printedPayments(records: PaymentDto[]) {
  return records
    .filter((p) => !p.voided && (p.kind === 'refund' || p.amountCents > p.tipCents))
    .map((p) => ({
      date: lisbonDate(new Date(p.paidAt)),
      kind: p.kind,
      method: p.method,
      amountCents: p.kind === 'payment' ? p.amountCents - p.tipCents : p.amountCents,
    }));
}

type Body = Pick<ReceiptSnapshotDto, 'serviceLine' | 'reference' | 'serviceDate' | 'lines' | 'adjustments' | 'subtotalCents' | 'vatByRate' | 'vatCents' | 'totalCents'>;

export function createReceiptsService({ db, repo, clock, audit, company, payments }: ReceiptsServiceDeps) {
  /** What the order prints, or the reason it cannot have a receipt yet. */
  async function laundryDocument(tx: Queryable, id: number): Promise<{ clientId: number; body(locale: Locale): Body }> {
    const o = await repo.laundryOrder(tx, id);
    if (!o) throw badRequest('UNKNOWN_ORDER', 'No such laundry order.', [{ path: 'body.laundryOrderId', message: 'not found', code: 'NOT_FOUND' }]);
    if (o.status === 'cancelled') throw conflict('ORDER_CANCELLED', 'This order was cancelled; it has no receipt.');
    if (!o.priced || o.line_count === 0) throw conflict('NOT_PRICED', 'This order is not priced yet.');
    const lines = await repo.laundryLines(tx, id);
    const adjustments: Body['adjustments'] = [];
    if (o.delivery_requested && o.delivery_fee_cents > 0) adjustments.push({ kind: 'delivery', cents: o.delivery_fee_cents });
    if (o.additional_charges_cents > 0) adjustments.push({ kind: 'extraCharges', cents: o.additional_charges_cents });
    if (o.discount_cents > 0) adjustments.push({ kind: 'discount', cents: -o.discount_cents });
    return {
      clientId: o.client_id,
      body: (locale) => ({
        serviceLine: 'laundry',
        reference: o.order_number,
        serviceDate: o.accrued_at ? lisbonDate(o.accrued_at) : null,
        lines: lines.map((l) => ({
          description: locale === 'pt' ? l.service_name : l.service_name_en,
          detail: l.item_type,
          quantity: l.pricing_unit === 'per_kg' ? `${formatDecimal((l.weight_grams ?? 0) / 1000, locale)} kg` : String(l.quantity ?? 0),
          unitPriceCents: l.unit_price_cents,
          totalCents: l.total_cents,
        })),
        adjustments,
        subtotalCents: o.subtotal_cents,
        vatByRate: [{ vatRateBasisPoints: o.vat_rate_bp, baseCents: o.subtotal_cents, vatCents: o.vat_cents }],
        vatCents: o.vat_cents,
        totalCents: o.total_cents,
      }),
    };
  }

  async function cleaningDocument(tx: Queryable, id: number): Promise<{ clientId: number; body(locale: Locale): Body }> {
    const j = await repo.cleaningJob(tx, id);
    if (!j) throw badRequest('UNKNOWN_JOB', 'No such cleaning job.', [{ path: 'body.cleaningJobId', message: 'not found', code: 'NOT_FOUND' }]);
    if (j.status === 'cancelled') throw conflict('JOB_CANCELLED', 'This job was cancelled; it has no receipt.');
    if (j.status !== 'completed' || j.total_cents === null || j.subtotal_cents === null || j.vat_cents === null || j.vat_rate_bp === null) {
      throw conflict('NOT_PRICED', 'This job is not completed yet, so it has no final price.');
    }
    const priced = { subtotal: j.subtotal_cents, vat: j.vat_cents, total: j.total_cents, rate: j.vat_rate_bp };
    return {
      clientId: j.client_id,
      body: (locale) => ({
        serviceLine: 'cleaning',
        reference: `CLN-${j.id}`,
        serviceDate: j.completed_at ? lisbonDate(j.completed_at) : null,
        lines: [
          {
            description: LABELS[locale].cleaning[j.job_type],
            detail: j.property_address,
            quantity: `${formatDecimal((j.billable_minutes ?? 0) / 60, locale, 2)} h`,
            unitPriceCents: j.hourly_rate_cents,
            totalCents: priced.subtotal,
          },
        ],
        adjustments: [],
        subtotalCents: priced.subtotal,
        vatByRate: [{ vatRateBasisPoints: priced.rate, baseCents: priced.subtotal, vatCents: priced.vat }],
        vatCents: priced.vat,
        totalCents: priced.total,
      }),
    };
  }

  function assertVisible(actor: Actor, row: { client_id: number } | undefined): asserts row {
    // Another client's receipt does not exist as far as this client knows (PRODUCT §5).
    if (!row || (actor.role === 'client' && row.client_id !== actor.id)) throw notFound('Receipt not found.');
  }

  return {
    /** Issues the one receipt of a priced order or completed job, numbered gap-free within its Lisbon month. */
    async issue(actor: Actor, input: IssueReceiptInput): Promise<ReceiptDto> {
      const t: TargetRef = input.laundryOrderId !== undefined ? { line: 'laundry', id: input.laundryOrderId } : { line: 'cleaning', id: input.cleaningJobId! };
      const at = clock.now();
      const row = await db.transaction(async (tx) => {
        // The order or job is locked first, so two issues of it queue and the second finds the first's receipt.
        const document = t.line === 'laundry' ? await laundryDocument(tx, t.id) : await cleaningDocument(tx, t.id);
        const client = (await repo.client(tx, document.clientId))!;
        const locale: Locale = client.locale;
        const body = document.body(locale);
        const clientId = document.clientId;
        const existing = await repo.forTarget(tx, t);
        if (existing) {
          throw conflict('RECEIPT_ALREADY_ISSUED', `Receipt ${existing.receipt_number} was already issued for this ${t.line === 'laundry' ? 'order' : 'job'}.`, {
            receiptId: existing.id,
            receiptNumber: existing.receipt_number,
          });
        }
        const printed = printedPayments(await payments(tx, t));
        const paidCents = printed.reduce((sum, p) => sum + (p.kind === 'refund' ? -p.amountCents : p.amountCents), 0);
        const details = await company(tx);
        const month = lisbonMonth(at);
        const number = formatReceiptNumber(month, await repo.nextNumber(tx, month));
        const snapshot: ReceiptSnapshotDto = {
          receiptNumber: number,
          issuedAt: at.toISOString(),
          issuedDate: lisbonDate(at),
          locale,
          company: { name: details.companyName, nif: details.companyNif, address: details.companyAddress, iban: details.companyIban },
          client: billedClient(client),
          ...body,
          payments: printed,
          paidCents,
          balanceCents: body.totalCents - paidCents,
        };
        const pdf = await renderReceiptPdf(snapshot);
        const id = await repo.insert(tx, {
          number,
          month,
          clientId,
          target: t,
          locale,
          totalCents: snapshot.totalCents,
          balanceCents: snapshot.balanceCents,
          snapshot,
          pdf,
          sha256: sha256(pdf),
          issuedBy: actor.id,
          at,
        });
        await audit.record(tx, {
          action: 'issue',
          entity: 'receipt',
          entityId: id,
          before: null,
          after: { receiptNumber: number, serviceLine: t.line, targetId: t.id, totalCents: snapshot.totalCents, balanceCents: snapshot.balanceCents },
          valueFields: ['receiptNumber', 'serviceLine', 'targetId', 'totalCents', 'balanceCents'],
        });
        return (await repo.find(tx, id))!;
      });
      return toDto(row, true);
    },

    async get(actor: Actor, id: number): Promise<ReceiptDto> {
      const row = await repo.find(db, id);
      assertVisible(actor, row);
      return toDto(row, true);
    },

    async pdf(actor: Actor, id: number) {
      const row = await repo.pdf(db, id);
      assertVisible(actor, row);
      return { fileName: `${row.receipt_number}.pdf`, bytes: row.pdf };
    },

    async list(actor: Actor, filters: ReceiptFilters, page: PageInput) {
      const scoped = actor.role === 'client' ? { ...filters, clientId: actor.id } : filters;
      return mapPage(await repo.list(scoped, page), (r) => toDto(r, false));
    },

    /** The receipt of an order or job, for its payments block. */
    async receiptOf(q: Queryable, t: TargetRef) {
      const row = await repo.forTarget(q, t);
      return row ? { id: row.id, receiptNumber: row.receipt_number } : null;
    },

    /** GDPR: the client's receipts as issued (the PDFs stay downloadable by the client). */
    async exportClient(q: Queryable, clientId: number) {
      return (await repo.ofClient(q, clientId)).map((r) => toDto(r, true));
    },

    /**
     * GDPR: receipts are financial records and stay, numbers and amounts intact; the client's name, NIF
     * and address on them are replaced and the PDF is printed again from the anonymised snapshot.
     */
    async anonymiseClient(tx: Queryable, clientId: number) {
      for (const r of await repo.ofClient(tx, clientId)) {
        const snapshot: ReceiptSnapshotDto = { ...r.snapshot, client: { name: ANONYMISED, nif: null, address: null } };
        const lines = r.snapshot.serviceLine === 'cleaning' ? snapshot.lines.map((l) => ({ ...l, detail: null })) : snapshot.lines;
        const cleaned = { ...snapshot, lines };
        const pdf = await renderReceiptPdf(cleaned);
        await repo.replaceDocument(tx, r.id, cleaned, pdf, sha256(pdf));
      }
    },
  };
}

export type ReceiptsService = ReturnType<typeof createReceiptsService>;
