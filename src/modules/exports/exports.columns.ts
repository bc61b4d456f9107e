import type { CsvColumn } from '../../lib/csv.js';
import type { ClientExportRow, JobExportRow, OrderExportRow, PaymentExportRow, TimeLogExportRow } from './exports.repository.js';

/**
 * The columns of each export. Headers are Portuguese (the business's spreadsheets); money is in euros
 * with two decimals, dates and times are Lisbon wall-clock.
 */

const yes = (b: boolean) => (b ? 'sim' : 'não');

export const CLIENT_COLUMNS: CsvColumn<ClientExportRow>[] = [
  { header: 'ID', type: 'int', value: (r) => r.id },
  { header: 'Nome', value: (r) => r.name },
  { header: 'Telefone', value: (r) => r.phone },
  { header: 'Email', value: (r) => r.email },
  { header: 'NIF', value: (r) => r.nif },
  { header: 'Empresa', value: (r) => r.company_name },
  { header: 'Cliente empresarial', value: (r) => yes(r.is_enterprise) },
  { header: 'Idioma', value: (r) => r.locale },
  { header: 'Ativo', value: (r) => yes(r.is_active) },
  { header: 'Criado em', value: (r) => r.created_at },
];

export const ORDER_COLUMNS: CsvColumn<OrderExportRow>[] = [
  { header: 'ID', type: 'int', value: (r) => r.id },
  { header: 'Encomenda', value: (r) => r.order_number },
  { header: 'Data', value: (r) => r.order_day },
  { header: 'Cliente ID', type: 'int', value: (r) => r.client_id },
  { header: 'Cliente', value: (r) => r.client_name },
  { header: 'Tipo', value: (r) => r.order_type },
  { header: 'Estado', value: (r) => r.status },
  { header: 'Pronta prevista', value: (r) => r.expected_ready_date },
  { header: 'Entrega', value: (r) => yes(r.delivery_requested) },
  { header: 'Subtotal (EUR)', type: 'cents', value: (r) => r.subtotal_cents },
  { header: 'IVA (EUR)', type: 'cents', value: (r) => r.vat_cents },
  { header: 'Total (EUR)', type: 'cents', value: (r) => r.total_cents },
  { header: 'Pago (EUR)', type: 'cents', value: (r) => r.paid_cents },
  { header: 'Saldo (EUR)', type: 'cents', value: (r) => r.total_cents - r.paid_cents },
  { header: 'Levantada em', value: (r) => r.collected_at },
  { header: 'Entregue em', value: (r) => r.delivered_at },
];

export const JOB_COLUMNS: CsvColumn<JobExportRow>[] = [
  { header: 'ID', type: 'int', value: (r) => r.id },
  { header: 'Data', value: (r) => r.scheduled_date },
  { header: 'Hora', value: (r) => r.scheduled_time },
  { header: 'Cliente ID', type: 'int', value: (r) => r.client_id },
  { header: 'Cliente', value: (r) => r.client_name },
  { header: 'Propriedade', value: (r) => r.property_name },
  { header: 'Localidade', value: (r) => r.city },
  { header: 'Tipo', value: (r) => r.job_type },
  { header: 'Estado', value: (r) => r.status },
  { header: 'Trabalhadores', value: (r) => r.workers },
  { header: 'Minutos previstos', type: 'int', value: (r) => r.estimated_minutes },
  { header: 'Minutos faturados', type: 'int', value: (r) => r.billable_minutes },
  { header: 'Subtotal (EUR)', type: 'cents', value: (r) => r.subtotal_cents },
  { header: 'IVA (EUR)', type: 'cents', value: (r) => r.vat_cents },
  { header: 'Total (EUR)', type: 'cents', value: (r) => r.total_cents },
  { header: 'Pago (EUR)', type: 'cents', value: (r) => r.paid_cents },
  { header: 'Concluído em', value: (r) => r.completed_at },
];

export const PAYMENT_COLUMNS: CsvColumn<PaymentExportRow>[] = [
  { header: 'ID', type: 'int', value: (r) => r.id },
  { header: 'Data', value: (r) => r.paid_at },
  { header: 'Tipo', value: (r) => (r.kind === 'payment' ? 'pagamento' : 'reembolso') },
  { header: 'Referência', value: (r) => r.reference },
  { header: 'Serviço', value: (r) => (r.laundry_order_id ? 'lavandaria' : 'limpeza') },
  { header: 'Cliente ID', type: 'int', value: (r) => r.client_id },
  { header: 'Cliente', value: (r) => r.client_name },
  { header: 'Método', value: (r) => r.method },
  // A refund is money going out: negative, so a column sum is the net received.
  { header: 'Valor (EUR)', type: 'cents', value: (r) => (r.kind === 'refund' ? -r.amount_cents : r.amount_cents) },
  { header: 'Gorjeta (EUR)', type: 'cents', value: (r) => r.tip_cents },
  { header: 'Notas', value: (r) => r.notes },
  { header: 'Motivo', value: (r) => r.reason },
  { header: 'Anulado em', value: (r) => r.voided_at },
  { header: 'Motivo da anulação', value: (r) => r.void_reason },
  { header: 'Registado por', value: (r) => r.created_by_name },
];

export const TIMESHEET_COLUMNS: CsvColumn<TimeLogExportRow>[] = [
  { header: 'ID', type: 'int', value: (r) => r.id },
  { header: 'Trabalhador ID', type: 'int', value: (r) => r.worker_id },
  { header: 'Trabalhador', value: (r) => r.worker_name },
  { header: 'Serviço ID', type: 'int', value: (r) => r.job_id },
  { header: 'Data do serviço', value: (r) => r.scheduled_date },
  { header: 'Cliente', value: (r) => r.client_name },
  { header: 'Propriedade', value: (r) => r.property_name },
  { header: 'Início', value: (r) => r.started_at },
  { header: 'Fim', value: (r) => r.ended_at },
  { header: 'Minutos', type: 'int', value: (r) => r.duration_minutes },
  { header: 'Horas', type: 'decimal', value: (r) => (r.duration_minutes === null ? null : Math.round((r.duration_minutes / 60) * 100) / 100) },
  { header: 'Para rever', value: (r) => yes(r.flagged_for_review) },
  { header: 'Corrigido em', value: (r) => r.corrected_at },
];
