import iconv from 'iconv-lite';
import type supertest from 'supertest';
import { nifCheckDigit } from '../../src/lib/nif.js';

type Agent = ReturnType<typeof supertest.agent>;

const FIRST_NAMES = ['João', 'Inês', 'André', 'Conceição', 'Gonçalo', 'Leonor', 'Sebastião', 'Mónica', 'Tomás', 'Beatriz'];
const LAST_NAMES = ['Gonçalves', 'Simões', 'Araújo', 'Patrício', 'Brandão', 'Estêvão', 'Lourenço', 'Galvão'];

/** A NIF with a valid check digit, distinct for each n below ten million. */
export function nifFor(n: number, prefix = '2'): string {
  const firstEight = `${prefix}${String(n).padStart(7, '0')}`;
  return `${firstEight}${nifCheckDigit(firstEight)}`;
}

/** A Portuguese mobile number as people type it, distinct for each n below ten million (and for each base). */
export function mobileFor(n: number, base = '92'): string {
  const digits = `${base}${String(n).padStart(7, '0')}`;
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

export interface BadRow {
  index: number;
  code: string;
  field: string | null;
}

/**
 * A clients spreadsheet as Portuguese Excel saves it: Windows-1252, `;`, CRLF, accented names, dates as
 * DD/MM/YYYY, and `bad` rows broken in five different ways (the reasons the preview must give).
 */
export function clientsSpreadsheet(rows: number, badCount: number, base = '92') {
  const header = 'Nome;Telefone;Email;NIF;Data de nascimento;Observações';
  const bad: BadRow[] = [];
  const step = Math.floor(rows / badCount);
  const kinds = [
    { code: 'INVALID_NIF', field: 'nif' },
    { code: 'INVALID_PHONE', field: 'phone' },
    { code: 'REQUIRED', field: 'name' },
    { code: 'INVALID_EMAIL', field: 'email' },
    { code: 'INVALID_DATE', field: 'dateOfBirth' },
  ];
  for (let k = 0; k < badCount; k += 1) bad.push({ index: k * step + 3, ...kinds[k % kinds.length]! });
  const badAt = new Map(bad.map((b) => [b.index, b]));
  const lines = [header];
  for (let i = 0; i < rows; i += 1) {
    let name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[i % LAST_NAMES.length]} ${i}`;
    let phone = mobileFor(i, base);
    let email = `cliente${i}.${base}@exemplo.pt`;
    let nif = nifFor(i, base === '92' ? '2' : '1');
    let born = `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${1950 + (i % 50)}`;
    switch (badAt.get(i)?.code) {
      case 'INVALID_NIF':
        nif = `${nif.slice(0, 8)}${(Number(nif[8]) + 1) % 10}`;
        break;
      case 'INVALID_PHONE':
        phone = '12 34';
        break;
      case 'REQUIRED':
        name = '';
        break;
      case 'INVALID_EMAIL':
        email = 'sem-arroba.pt';
        break;
      case 'INVALID_DATE':
        born = '31/02/1990';
        break;
      default:
    }
    lines.push([name, phone, email, nif, born, i % 7 === 0 ? 'Prédio c/ elevador; 2.º andar' : ''].map((c) => (c.includes(';') ? `"${c}"` : c)).join(';'));
  }
  return { bytes: iconv.encode(`${lines.join('\r\n')}\r\n`, 'windows-1252'), bad };
}

export async function uploadCsv(agent: Agent, kind: string, content: Buffer | string, fields: Record<string, string> = {}, filename = 'dados.csv') {
  let req = agent.post('/api/imports').field('kind', kind);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req.attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), { filename, contentType: 'text/csv' });
}

/** Every row of an import, following the cursor. */
export async function allImportRows(agent: Agent, importId: number, outcome?: string) {
  const rows: Array<Record<string, unknown>> = [];
  let cursor: string | undefined;
  do {
    const res = await agent.get(`/api/imports/${importId}/rows`).query({ limit: 100, ...(outcome ? { outcome } : {}), ...(cursor ? { cursor } : {}) });
    if (res.status !== 200) throw new Error(`rows: ${res.status} ${JSON.stringify(res.body)}`);
    rows.push(...(res.body.data as Array<Record<string, unknown>>));
    cursor = res.body._meta.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}
