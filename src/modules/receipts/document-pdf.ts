import type { Locale } from './receipt-format.js';

/**
 * The A4 business documents (receipt, payment receipt, monthly statement) share one page, one palette
 * and one company header, so they read as the same business's papers.
 */
export const PAGE = { width: 595.28, height: 841.89, margin: 50 };
export const RIGHT = PAGE.width - PAGE.margin;
export const WIDTH = RIGHT - PAGE.margin;
export const INK = '#1f2933';
export const MUTED = '#52606d';
export const ACCENT = '#b42318';

export interface DocumentCompany {
  name: string;
  address: string;
  nif: string;
  iban: string;
}

/**
 * A new A4 document and the promise of its bytes (resolved when `doc.end()` has flushed). The dates
 * in its metadata are the document's own (`madeAt`), never the time of drawing, so the same facts give
 * the same bytes.
 */
// pdfkit is loaded on the first document, not at boot: most processes never print one (boot time and memory).
export async function openA4Document(o: { title: string; author: string; subject?: string; madeAt: Date; locale: Locale }) {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: {
      Title: o.title,
      Author: o.author,
      ...(o.subject ? { Subject: o.subject } : {}),
      Producer: 'Lavandaria',
      Creator: 'Lavandaria',
      CreationDate: o.madeAt,
      ModDate: o.madeAt,
    },
    lang: o.locale === 'pt' ? 'pt-PT' : 'en-GB',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** The company's name and details at the top left; answers where the block ends. */
export function drawCompanyHeader(doc: PDFKit.PDFDocument, company: DocumentCompany, labels: { nif: string; iban: string }, width: number): number {
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(16).text(company.name, PAGE.margin, PAGE.margin, { width });
  doc.font('Helvetica').fontSize(9).fillColor(MUTED);
  if (company.address) doc.text(company.address, { width });
  if (company.nif) doc.text(`${labels.nif}: ${company.nif}`, { width });
  if (company.iban) doc.text(`${labels.iban}: ${company.iban}`, { width });
  return doc.y;
}
