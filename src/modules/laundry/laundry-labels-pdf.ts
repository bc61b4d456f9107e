import { once } from 'node:events';
import type { Writable } from 'node:stream';
import QRCode from 'qrcode';
import { formatEuro } from '../receipts/receipt-format.js';

/**
 * Tag labels and the client's intake ticket (issue 21 §3), drawn with pdfkit. QR codes are drawn as
 * vector squares from the `qrcode` matrix (sharp at any printer resolution, nothing rasterised). Labels
 * stream: pages are written to `out` as they are drawn, batch by batch, waiting for the socket when it
 * is behind, so a 500-piece order never holds its whole PDF in memory.
 */

const MM = 72 / 25.4;
const INK = '#000000';

export interface LabelData {
  tagCode: string;
  globalCode: string;
  description: string;
  kind: 'item' | 'bag';
}

export interface LabelHeader {
  orderNumber: string;
  clientInitials: string;
  dueDate: string | null;
  express: boolean;
  at: Date;
}

type Doc = PDFKit.PDFDocument;

function drawQr(doc: Doc, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  // A quiet zone of 2 modules on each side keeps scanners happy when labels touch.
  const cell = size / (n + 4);
  doc.save().fillColor(INK);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c)) doc.rect(x + (c + 2) * cell, y + (r + 2) * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '—');

/** One label in a box at (x, y) of w × h points: QR on the left, tag and order on the right. */
function drawLabel(doc: Doc, h: LabelHeader, item: LabelData, x: number, y: number, w: number, ht: number) {
  const pad = 2 * MM;
  const qrSize = ht - 2 * pad;
  drawQr(doc, item.globalCode, x + pad, y + pad, qrSize);
  const tx = x + pad + qrSize + pad;
  const tw = w - (tx - x) - pad;
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(15).text(item.tagCode, tx, y + pad, { width: tw, lineBreak: false });
  doc.font('Helvetica').fontSize(7).text(h.orderNumber, tx, y + pad + 18, { width: tw, lineBreak: false });
  doc.font('Helvetica-Bold').fontSize(9).text(`${h.clientInitials}${h.express ? '  EXPRESS' : ''}`, tx, y + pad + 28, { width: tw, lineBreak: false });
  doc.font('Helvetica').fontSize(7).text(`${dmy(h.dueDate)}`, tx, y + pad + 40, { width: tw, lineBreak: false });
  doc.fontSize(6).text(item.description, tx, y + pad + 50, { width: tw, height: 8, lineBreak: false, ellipsis: true });
}

export type LabelFormatValue = 'roll' | 'sheet';

/** 58 mm roll: one 58 × 30 mm label per page. A4 sheet: 3 × 8 stickers of 70 × 37 mm. */
const ROLL = { width: 58 * MM, height: 30 * MM };
const SHEET = { cols: 3, rows: 8, w: 70 * MM, h: 37 * MM, top: (297 - 8 * 37) / 2 * MM };

export async function streamLabelsPdf(
  out: Writable,
  header: LabelHeader,
  format: LabelFormatValue,
  nextBatch: () => Promise<LabelData[]>,
): Promise<void> {
  const { default: PDFDocument } = await import('pdfkit');
  const first = format === 'roll' ? { size: [ROLL.width, ROLL.height] as [number, number] } : { size: 'A4' };
  const doc = new PDFDocument({
    ...first,
    margin: 0,
    autoFirstPage: false,
    info: { Title: `Etiquetas ${header.orderNumber}`, Producer: 'Lavandaria', Creator: 'Lavandaria', CreationDate: header.at, ModDate: header.at },
  });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  let slot = 0;
  for (let batch = await nextBatch(); batch.length > 0; batch = await nextBatch()) {
    for (const item of batch) {
      if (format === 'roll') {
        doc.addPage({ size: [ROLL.width, ROLL.height], margin: 0 });
        drawLabel(doc, header, item, 0, 0, ROLL.width, ROLL.height);
      } else {
        const index = slot % (SHEET.cols * SHEET.rows);
        if (index === 0) doc.addPage({ size: 'A4', margin: 0 });
        const col = index % SHEET.cols;
        const row = Math.floor(index / SHEET.cols);
        drawLabel(doc, header, item, col * SHEET.w, SHEET.top + row * SHEET.h, SHEET.w, SHEET.h);
      }
      slot++;
    }
    // Bounded memory: let the client take what is written before drawing the next batch.
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  if (slot === 0) doc.addPage(format === 'roll' ? { size: [ROLL.width, ROLL.height], margin: 0 } : { size: 'A4', margin: 0 });
  doc.end();
  await finished;
}

export interface TicketData {
  locale: 'pt' | 'en';
  companyName: string;
  orderNumber: string;
  clientName: string;
  takenAt: string;
  dueDate: string | null;
  express: boolean;
  lines: Array<{ description: string; amount: string; totalCents: number }>;
  items: Array<{ tagCode: string; description: string; colour: string | null; notes: string | null }>;
  conditions: string[];
  totalCents: number;
  vatCents: number;
}

const TICKET_LABELS = {
  pt: { ticket: 'Talão de entrega', order: 'Encomenda', client: 'Cliente', taken: 'Recebida', due: 'Pronta a', items: 'Peças e sacos', total: 'Total', vat: 'IVA incluído', conditions: 'Estado registado na receção', express: 'EXPRESSO', keep: 'Guarde este talão: o código QR identifica a sua encomenda.' },
  en: { ticket: 'Intake ticket', order: 'Order', client: 'Client', taken: 'Received', due: 'Ready on', items: 'Items and bags', total: 'Total', vat: 'VAT included', conditions: 'Condition noted at intake', express: 'EXPRESS', keep: 'Keep this ticket: the QR code identifies your order.' },
} as const;

const euro = (cents: number, locale: 'pt' | 'en') => formatEuro(cents, locale);

/** The client's intake ticket: A5-ish on A4, order QR on top, the items with their tags, totals, noted conditions. */
export async function renderTicketPdf(t: TicketData, at: Date): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const L = TICKET_LABELS[t.locale];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `${L.ticket} ${t.orderNumber}`, Producer: 'Lavandaria', Creator: 'Lavandaria', CreationDate: at, ModDate: at },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = 50;
  const right = 545;
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(16).text(t.companyName, left, 50, { width: 330 });
  doc.font('Helvetica').fontSize(11).text(L.ticket, left, doc.y + 2, { width: 330 });
  drawQr(doc, t.orderNumber, right - 100, 40, 100);
  let y = 150;
  const row = (label: string, value: string) => {
    doc.font('Helvetica-Bold').fontSize(10).text(label, left, y, { width: 110 });
    doc.font('Helvetica').text(value, left + 115, y, { width: right - left - 115 });
    y = doc.y + 4;
  };
  row(L.order, `${t.orderNumber}${t.express ? `  ·  ${L.express}` : ''}`);
  row(L.client, t.clientName);
  row(L.taken, t.takenAt);
  row(L.due, dmy(t.dueDate));
  y += 8;
  for (const line of t.lines) {
    doc.font('Helvetica').fontSize(10).text(`${line.description}  ${line.amount}`, left, y, { width: 380 });
    doc.text(euro(line.totalCents, t.locale), right - 100, y, { width: 100, align: 'right' });
    y = doc.y + 3;
  }
  doc.moveTo(left, y).lineTo(right, y).strokeColor(INK).lineWidth(0.5).stroke();
  y += 6;
  doc.font('Helvetica-Bold').fontSize(12).text(L.total, left, y);
  doc.text(euro(t.totalCents, t.locale), right - 150, y, { width: 150, align: 'right' });
  y = doc.y + 2;
  doc.font('Helvetica').fontSize(8).text(`${L.vat}: ${euro(t.vatCents, t.locale)}`, left, y);
  y = doc.y + 14;
  doc.font('Helvetica-Bold').fontSize(10).text(L.items, left, y);
  y = doc.y + 4;
  for (const item of t.items) {
    if (y > 780) {
      doc.addPage();
      y = 50;
    }
    const extra = [item.colour, item.notes].filter(Boolean).join(' · ');
    doc.font('Helvetica-Bold').fontSize(9).text(item.tagCode, left, y, { width: 60 });
    doc.font('Helvetica').text(`${item.description}${extra ? ` — ${extra}` : ''}`, left + 65, y, { width: right - left - 65 });
    y = doc.y + 2;
  }
  if (t.conditions.length) {
    y += 10;
    doc.font('Helvetica-Bold').fontSize(10).text(L.conditions, left, y);
    y = doc.y + 4;
    for (const c of t.conditions) {
      doc.font('Helvetica').fontSize(9).text(`• ${c}`, left, y, { width: right - left });
      y = doc.y + 2;
    }
  }
  doc.font('Helvetica').fontSize(8).text(L.keep, left, Math.max(y + 16, doc.y + 16), { width: right - left });
  doc.end();
  return done;
}
