/**
 * Pure formatting for receipts: the number, money and dates as printed. Written by hand rather than
 * with Intl so the bytes of a document never depend on the ICU data of the machine that renders it,
 * and every character stays within the PDF standard fonts' WinAnsi set.
 */

export type Locale = 'pt' | 'en';

/** REC-YYYY-MM-#### (four digits at least; the 10 000th receipt of a month gets five). */
export function formatReceiptNumber(month: string, n: number): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`not a month: ${month}`);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`receipt sequence must be a positive integer (got ${n})`);
  return `REC-${month}-${String(n).padStart(4, '0')}`;
}

function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** 123456 → "1.234,56 €" (pt) or "€1,234.56" (en); negatives with a plain hyphen. */
export function formatEuro(cents: number, locale: Locale): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be an integer (got ${cents})`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = String(Math.floor(abs / 100));
  const rest = String(abs % 100).padStart(2, '0');
  return locale === 'pt' ? `${sign}${group(euros, '.')},${rest} €` : `${sign}€${group(euros, ',')}.${rest}`;
}

/** A plain decimal with the locale's separator: 5500 g → "5,5" / "5.5" (up to three decimals, trailing zeros cut). */
export function formatDecimal(value: number, locale: Locale, maxDecimals = 3): string {
  const fixed = value.toFixed(maxDecimals).replace(/\.?0+$/, '');
  return locale === 'pt' ? fixed.replace('.', ',') : fixed;
}

/** 2300 basis points → "23%" (or "6,5%"). */
export function formatRate(basisPoints: number, locale: Locale): string {
  return `${formatDecimal(basisPoints / 100, locale, 2)}%`;
}

/** YYYY-MM-DD → DD/MM/YYYY (both languages: Portugal and the UK write dates day first). */
export function formatDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

export const METHOD_LABELS: Record<Locale, Record<string, string>> = {
  pt: { cash: 'Numerário', card: 'Cartão', transfer: 'Transferência', mbway: 'MB WAY', other: 'Outro' },
  en: { cash: 'Cash', card: 'Card', transfer: 'Bank transfer', mbway: 'MB WAY', other: 'Other' },
};

export const LABELS = {
  pt: {
    title: 'RECIBO',
    nonFiscal: 'Documento não fiscal',
    nonFiscalNote: 'Este documento não é uma fatura e não tem validade fiscal. A fatura certificada é emitida à parte.',
    number: 'N.º',
    issued: 'Emitido em',
    nif: 'NIF',
    iban: 'IBAN',
    client: 'Cliente',
    address: 'Morada',
    laundryOrder: 'Encomenda de lavandaria',
    cleaningJob: 'Serviço de limpeza',
    serviceDate: 'Data do serviço',
    description: 'Descrição',
    quantity: 'Qtd.',
    unitPrice: 'Preço unit.',
    amount: 'Valor',
    subtotal: 'Subtotal (sem IVA)',
    vat: 'IVA',
    vatOn: 'sobre',
    total: 'Total',
    payments: 'Pagamentos',
    date: 'Data',
    method: 'Meio',
    refund: 'Reembolso',
    noPayments: 'Sem pagamentos registados.',
    paid: 'Pago',
    balance: 'Saldo em dívida',
    credit: 'Saldo a favor do cliente',
    delivery: 'Taxa de entrega',
    extraCharges: 'Encargos adicionais',
    discount: 'Desconto',
    cleaning: { airbnb: 'Limpeza de alojamento local', house: 'Limpeza de casa' },
    hoursOf: 'horas faturáveis',
  },
  en: {
    title: 'RECEIPT',
    nonFiscal: 'Non-fiscal document',
    nonFiscalNote: 'This document is not an invoice and has no tax validity. The certified invoice is issued separately.',
    number: 'No.',
    issued: 'Issued on',
    nif: 'Tax no. (NIF)',
    iban: 'IBAN',
    client: 'Client',
    address: 'Address',
    laundryOrder: 'Laundry order',
    cleaningJob: 'Cleaning service',
    serviceDate: 'Service date',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    amount: 'Amount',
    subtotal: 'Subtotal (before VAT)',
    vat: 'VAT',
    vatOn: 'on',
    total: 'Total',
    payments: 'Payments',
    date: 'Date',
    method: 'Method',
    refund: 'Refund',
    noPayments: 'No payments recorded.',
    paid: 'Paid',
    balance: 'Balance due',
    credit: 'Balance in the client’s favour',
    delivery: 'Delivery fee',
    extraCharges: 'Additional charges',
    discount: 'Discount',
    cleaning: { airbnb: 'Short-let cleaning', house: 'House cleaning' },
    hoursOf: 'billable hours',
  },
} as const;
