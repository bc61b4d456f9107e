import iconv from 'iconv-lite';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createClient, PROPERTY } from '../helpers/people-fixtures.js';
import { allImportRows, clientsSpreadsheet, mobileFor, nifFor, uploadCsv } from '../helpers/import-files.js';

type Agent = ReturnType<typeof supertest.agent>;

let t: TestApp;
let master: Agent;

const counts = async () => {
  const { rows } = await t.db.query<{ imports: number; clients: number; properties: number; services: number }>(
    `SELECT (SELECT count(*) FROM imports)::int AS imports, (SELECT count(*) FROM clients)::int AS clients,
            (SELECT count(*) FROM properties)::int AS properties, (SELECT count(*) FROM laundry_services)::int AS services`,
  );
  return rows[0]!;
};

beforeAll(async () => {
  t = await createTestApp();
  master = await t.signIn('master');
});
afterAll(async () => t?.close());

describe('a 5 000-row clients spreadsheet from Portuguese Excel (Windows-1252, `;`) with 37 bad rows', () => {
  const file = clientsSpreadsheet(5000, 37);
  let importId: number;
  let version: number;

  it('when uploaded, then the dry run finds exactly the 37 bad rows with their reasons and writes no client', async () => {
    const before = await counts();
    const started = performance.now();
    const res = await uploadCsv(master, 'clients', file.bytes, {}, 'clientes.csv');
    const ms = Math.round(performance.now() - started);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const data = res.body.data;
    expect(data).toMatchObject({ kind: 'clients', status: 'draft', encoding: 'windows-1252', delimiter: ';', fileName: 'clientes.csv', missingFields: [] });
    expect(data.headers).toEqual(['Nome', 'Telefone', 'Email', 'NIF', 'Data de nascimento', 'Observações']);
    expect(data.columns).toEqual(['name', 'phone', 'email', 'nif', 'dateOfBirth', 'notes']);
    expect(data.summary).toEqual({ total: 5000, valid: 4963, invalid: 37, duplicate: 0 });
    expect((await counts()).clients).toBe(before.clients);
    importId = data.id;
    version = data.version;
    console.info(`[imports] 5 000-row upload and dry run: ${ms} ms`);

    const invalid = await allImportRows(master, importId, 'invalid');
    expect(invalid).toHaveLength(37);
    const expected = file.bad.map((b) => ({ line: b.index + 2, code: b.code, field: b.field }));
    const got = invalid.map((r) => ({ line: r.line, code: (r.errors as Array<{ code: string }>)[0]!.code, field: (r.errors as Array<{ field: string }>)[0]!.field }));
    expect(got).toEqual(expected);
    // Each reason points at the cell: the column of the field in the file.
    const nifRow = invalid.find((r) => (r.errors as Array<{ code: string }>)[0]!.code === 'INVALID_NIF')!;
    expect((nifRow.errors as Array<{ column: number; message: string }>)[0]).toMatchObject({ column: 3, message: expect.stringContaining('check digit') });
    expect((nifRow.cells as string[])[0]).toMatch(/^[A-Za-zÀ-ÿ]+ [A-Za-zÀ-ÿ]+ \d+$/);
  });

  it('when committed, then the 4 963 good rows are imported in one go, decoded from Windows-1252, with phones in E.164', async () => {
    const started = performance.now();
    const res = await master.post(`/api/imports/${importId}/commit`).send({ version, duplicates: 'skip' });
    const ms = Math.round(performance.now() - started);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'committed', result: { created: 4963, updated: 0, skipped: 0 }, duplicatePolicy: 'skip' });
    console.info(`[imports] 5 000-row commit: ${ms} ms`);
    const { rows } = await t.db.query<{ n: number; accented: number; e164: number; flagged: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE name LIKE 'João %')::int AS accented,
              count(*) FILTER (WHERE phone ~ '^\\+35192[0-9]{7}$')::int AS e164, count(*) FILTER (WHERE must_change_password)::int AS flagged
         FROM clients WHERE email LIKE 'cliente%.92@exemplo.pt'`,
    );
    expect(rows[0]).toEqual({ n: 4963, accented: expect.any(Number), e164: 4963, flagged: 4963 });
    expect(rows[0]!.accented).toBeGreaterThan(400);
    const sample = await t.db.query<{ notes: string | null; date_of_birth: string }>(`SELECT notes, date_of_birth FROM clients WHERE email = 'cliente7.92@exemplo.pt'`);
    expect(sample.rows[0]).toEqual({ notes: 'Prédio c/ elevador; 2.º andar', date_of_birth: '1957-08-08' });
    // The rows keep what was done and link to the records; the file's cells are gone.
    const created = await master.get(`/api/imports/${importId}/rows`).query({ limit: 2, outcome: 'valid' });
    expect(created.body.data[0]).toMatchObject({ action: 'created', cells: null, recordId: expect.any(Number), recordLabel: expect.stringContaining('João') });
    const cells = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM import_rows WHERE import_id = $1 AND cells IS NOT NULL`, [importId]);
    expect(cells.rows[0]!.n).toBe(0);
  });

  it('when committed a second time, then nothing is added and the first result is answered', async () => {
    const before = await counts();
    const res = await master.post(`/api/imports/${importId}/commit`).send({ version, duplicates: 'skip' });
    expect(res.status).toBe(200);
    expect(res.body.data.result).toEqual({ created: 4963, updated: 0, skipped: 0 });
    expect(await counts()).toEqual(before);
  });

  it('when the same file is uploaded and committed again, then every good row is a duplicate and nothing is added', async () => {
    const before = await counts();
    const upload = await uploadCsv(master, 'clients', file.bytes);
    expect(upload.body.data.summary).toEqual({ total: 5000, valid: 0, invalid: 37, duplicate: 4963 });
    const commit = await master.post(`/api/imports/${upload.body.data.id}/commit`).send({ version: upload.body.data.version, duplicates: 'skip' });
    expect(commit.body.data.result).toEqual({ created: 0, updated: 0, skipped: 4963 });
    expect((await counts()).clients).toBe(before.clients);
  });

  it('when the import is audited, then the entry has the counts and no personal value', async () => {
    const res = await master.get('/api/audit-log').query({ entity: 'import', entityId: String(importId) });
    expect(res.status).toBe(200);
    const entry = res.body.data.find((e: { action: string }) => e.action === 'import');
    expect(entry.after).toEqual({ kind: 'clients', rows: 5000, created: 4963, updated: 0, skipped: 0, invalid: 37, duplicatePolicy: 'skip' });
    expect(JSON.stringify(entry)).not.toMatch(/João|@exemplo|\+351/);
  });
});

describe('files refused as a whole: a clear 400 with a stable code, and nothing written', () => {
  const cases: Array<[string, Buffer | string, string]> = [
    ['a formula-looking cell', 'Nome;Telefone\r\nAna;912000001\r\n=HYPERLINK("http://x.example";"abrir");912000002\r\n', 'FORMULA_CELL'],
    ['a NUL character', Buffer.from('Nome;Telefone\r\nAna\u0000;912000001\r\n', 'latin1'), 'NUL_CHARACTER'],
    ['a header and no rows', 'Nome;Telefone;Email\r\n', 'NO_DATA_ROWS'],
    ['UTF-16 text', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Nome;Telefone\r\nAna;912000001\r\n', 'utf16le')]), 'UNSUPPORTED_ENCODING'],
    ['bytes neither UTF-8 nor Windows-1252', Buffer.from([...Buffer.from('Nome;Telefone\r\nAna'), 0x81, 0x8d, ...Buffer.from(';912000001\r\n')]), 'UNSUPPORTED_ENCODING'],
    ['a workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'NOT_CSV'],
    ['an unclosed quote', `Nome;Telefone\r\n"Ana;912000001\r\n${'x;y\r\n'.repeat(30_000)}`, 'MALFORMED_CSV'],
    ['control characters', 'Nome;Telefone\r\nAna\u0007;912000001\r\n', 'BINARY_CONTENT'],
  ];
  for (const [what, content, code] of cases) {
    it(`when the file has ${what}, then 400 ${code}`, async () => {
      const before = await counts();
      const res = await uploadCsv(master, 'clients', content);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toBe(code);
      expect(await counts()).toEqual(before);
    });
  }

  it('when a formula is refused, then the details say which cells', async () => {
    const res = await uploadCsv(master, 'clients', 'Nome;Telefone\r\nAna;912000001\r\n@SUM(A1);912000002\r\nRui;-2+3\r\n');
    expect(res.body.error.details.cells).toEqual([
      { line: 3, column: 0, header: 'Nome' },
      { line: 4, column: 1, header: 'Telefone' },
    ]);
  });

  it('when the file has a million rows, then 400 TOO_MANY_ROWS after reading 20 000, and nothing written', async () => {
    const before = await counts();
    const started = performance.now();
    const res = await uploadCsv(master, 'clients', `Telefone;Nome\n${'1;a\n'.repeat(1_000_000)}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'TOO_MANY_ROWS', details: { maxRows: 20_000 } });
    expect(await counts()).toEqual(before);
    console.info(`[imports] 1 000 000-row refusal: ${Math.round(performance.now() - started)} ms`);
  });

  it('when the file is over 10 MB, then 413 FILE_TOO_LARGE', async () => {
    const res = await uploadCsv(master, 'clients', Buffer.alloc(10 * 1024 * 1024 + 10, 'a'));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('FILE_TOO_LARGE');
  });

  it('when no file or an unknown kind is sent, then 400 NO_FILE or VALIDATION_FAILED', async () => {
    const noFile = await master.post('/api/imports').field('kind', 'clients');
    expect([noFile.status, noFile.body.error.code]).toEqual([400, 'NO_FILE']);
    const badKind = await uploadCsv(master, 'orders', 'a;b\r\n1;2\r\n');
    expect([badKind.status, badKind.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('when the empty file is sent, then 400 EMPTY_FILE', async () => {
    const res = await uploadCsv(master, 'clients', Buffer.alloc(0));
    expect([res.status, res.body.error.code]).toEqual([400, 'EMPTY_FILE']);
  });
});

describe('mapping, encodings and separators', () => {
  it('when the headers are not recognised, then the required fields are missing until staff map the columns', async () => {
    const csv = 'Número;Quem;Lixo\r\n913 100 001;Marta Sousa;x\r\n913 100 002;Rui Lopes;y\r\n';
    const upload = await uploadCsv(master, 'clients', csv);
    expect(upload.body.data).toMatchObject({ delimiter: ';', encoding: 'utf-8', columns: [null, null, null], missingFields: ['phone', 'name'] });
    expect(upload.body.data.summary.invalid).toBe(2);
    const early = await master.post(`/api/imports/${upload.body.data.id}/commit`).send({ version: upload.body.data.version, duplicates: 'skip' });
    expect([early.status, early.body.error.code]).toEqual([409, 'MAPPING_INCOMPLETE']);

    const twice = await master.put(`/api/imports/${upload.body.data.id}/mapping`).send({ version: upload.body.data.version, columns: ['phone', 'phone', null] });
    expect([twice.status, twice.body.error.code]).toEqual([400, 'INVALID_MAPPING']);
    const mapped = await master.put(`/api/imports/${upload.body.data.id}/mapping`).send({ version: upload.body.data.version, columns: ['phone', 'name', null] });
    expect(mapped.status).toBe(200);
    expect(mapped.body.data).toMatchObject({ missingFields: [], summary: { total: 2, valid: 2, invalid: 0, duplicate: 0 } });

    const stale = await master.post(`/api/imports/${upload.body.data.id}/commit`).send({ version: upload.body.data.version, duplicates: 'skip' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'VERSION_CONFLICT']);
    const commit = await master.post(`/api/imports/${upload.body.data.id}/commit`).send({ version: mapped.body.data.version, duplicates: 'skip' });
    expect(commit.body.data.result).toEqual({ created: 2, updated: 0, skipped: 0 });
  });

  it('when a UTF-8 file with a BOM and `,` separators has quoted cells with line breaks, then it reads line by line as a spreadsheet numbers them', async () => {
    const csv = '\uFEFFName,Phone,Notes\r\n"Ana Faria",913 200 001,"first line\r\nsecond line"\r\n"Bruno Dias",913 200 002,\r\n,,\r\n"",12,\r\n';
    const upload = await uploadCsv(master, 'clients', csv);
    expect(upload.body.data).toMatchObject({ delimiter: ',', encoding: 'utf-8', headers: ['Name', 'Phone', 'Notes'], summary: { total: 3, valid: 2, invalid: 1 } });
    const rows = await allImportRows(master, upload.body.data.id);
    expect(rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'valid'],
      [4, 'valid'],
      [6, 'invalid'],
    ]);
  });

  it('when a row has more cells than the header, then it is invalid (EXTRA_CELLS) rather than read shifted', async () => {
    const upload = await uploadCsv(master, 'clients', 'Nome;Telefone\r\nAna Faria;913 300 001;sobra\r\n');
    const [row] = await allImportRows(master, upload.body.data.id);
    expect(row!.errors).toEqual([{ field: null, column: 2, code: 'EXTRA_CELLS', message: expect.any(String) }]);
  });
});

describe('duplicates against the records kept', () => {
  it('when rows match existing clients, then "skip" leaves them and "update" fills in the non-empty cells, keeping the phone', async () => {
    const existing = await createClient(master, { name: 'Cliente Antigo', email: 'antigo@exemplo.pt' });
    const national = existing.client.phone.replace('+351', '');
    const nif = nifFor(7_654_321);
    const csv = `Telefone;Nome;NIF;Email\r\n${national};Cliente Atualizado;${nif};\r\n${national};Repetido Aqui;;\r\n`;
    const upload = await uploadCsv(master, 'clients', csv);
    expect(upload.body.data.summary).toEqual({ total: 2, valid: 0, invalid: 0, duplicate: 2 });
    const rows = await allImportRows(master, upload.body.data.id);
    expect(rows.map((r) => r.duplicateOf)).toEqual([{ field: 'phone', recordId: existing.client.id }, { field: 'phone', line: 2 }]);

    const commit = await master.post(`/api/imports/${upload.body.data.id}/commit`).send({ version: upload.body.data.version, duplicates: 'update' });
    expect(commit.body.data.result).toEqual({ created: 0, updated: 1, skipped: 1 });
    const client = await master.get(`/api/clients/${existing.client.id}`);
    expect(client.body.data).toMatchObject({ name: 'Cliente Atualizado', nif, email: 'antigo@exemplo.pt', phone: existing.client.phone, version: existing.client.version + 1 });
  });

  it('when a row matches two different clients, then it is invalid: which one is meant cannot be told', async () => {
    const a = await createClient(master, { nif: nifFor(1_111_119) });
    const b = await createClient(master, {});
    const csv = `Telefone;Nome;NIF\r\n${b.client.phone};Quem Será;${nifFor(1_111_119)}\r\n`;
    const upload = await uploadCsv(master, 'clients', csv);
    const [row] = await allImportRows(master, upload.body.data.id);
    expect(row).toMatchObject({ outcome: 'invalid', errors: [{ code: 'AMBIGUOUS_MATCH' }] });
    expect(String((row!.errors as Array<{ message: string }>)[0]!.message)).toContain(`#${a.client.id}`);
  });
});

describe('properties and services', () => {
  it("when properties name their clients by phone or NIF, then they are created under them, the first one primary, access notes encrypted", async () => {
    const owner = await createClient(master, { nif: nifFor(2_222_227) });
    const csv = [
      'Telefone do cliente;NIF do cliente;Nome;Morada;Código postal;Localidade;Distrito;Tipo;Instruções de acesso',
      `${owner.client.phone};;Casa de Alfama;Rua dos Remédios 4;1100 441;Lisboa;LISBOA;moradia;Cofre 2468`,
      `;${nifFor(2_222_227)};Estúdio;Rua do Almada 10;4050032;Porto;Porto;T1;`,
      `;;Sem dono;Rua X 1;1000-001;Lisboa;Lisboa;casa;`,
      `${mobileFor(9_999_999, '96')};;Ninguém;Rua Y 2;1000-002;Lisboa;Lisboa;casa;`,
      `${owner.client.phone};;Repetida;rua dos remédios 4;1100-441;Lisboa;Castelo Branco;loja;`,
      `${owner.client.phone};;Ilha;Rua Z 3;9500-100;Ponta Delgada;Região Autónoma dos Açores;escritório;`,
    ].join('\r\n');
    const upload = await uploadCsv(master, 'properties', csv);
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    const rows = await allImportRows(master, upload.body.data.id);
    expect(rows.map((r) => [r.line, r.outcome, (r.errors as Array<{ code: string }>)[0]?.code ?? null])).toEqual([
      [2, 'valid', null],
      [3, 'valid', null],
      [4, 'invalid', 'REQUIRED'],
      [5, 'invalid', 'CLIENT_NOT_FOUND'],
      [6, 'duplicate', null],
      [7, 'valid', null],
    ]);
    const commit = await master.post(`/api/imports/${upload.body.data.id}/commit`).send({ version: upload.body.data.version, duplicates: 'skip' });
    expect(commit.body.data.result).toEqual({ created: 3, updated: 0, skipped: 1 });
    const list = await master.get(`/api/clients/${owner.client.id}/properties`);
    const byName = Object.fromEntries(list.body.data.map((p: { name: string }) => [p.name, p]));
    expect(byName['Casa de Alfama']).toMatchObject({ isPrimary: true, postalCode: '1100-441', district: 'lisboa', propertyType: 'casa', accessInstructions: 'Cofre 2468' });
    expect(byName['Estúdio']).toMatchObject({ isPrimary: false, postalCode: '4050-032', propertyType: 'apartamento' });
    expect(byName['Ilha']).toMatchObject({ district: 'acores', propertyType: 'escritorio' });
    const stored = await t.db.query<{ enc: string }>(`SELECT access_instructions_enc AS enc FROM properties WHERE name = 'Casa de Alfama'`);
    expect(stored.rows[0]!.enc).not.toContain('2468');
    const linked = await allImportRows(master, upload.body.data.id, 'valid');
    expect(linked[0]).toMatchObject({ recordLabel: 'Casa de Alfama', clientId: owner.client.id });
  });

  it('when a catalogue is imported, then new codes are created in cents and an existing code is updated only when asked', async () => {
    const csv = 'Código;Nome;Unidade;Preço (EUR);Mínimo (EUR)\r\nedredom grande;Edredão grande;peça;"12,50";\r\nWASH_IRON;Lavar e engomar;kg;3.75;\r\nCORTINAS;Cortinas;metro;5;\r\nTAPETE;Tapete;kg;1.234,5;\r\n';
    const upload = await uploadCsv(master, 'services', csv);
    const rows = await allImportRows(master, upload.body.data.id);
    expect(rows.map((r) => [r.outcome, (r.errors as Array<{ code: string }>)[0]?.code ?? null])).toEqual([
      ['valid', null],
      ['duplicate', null],
      ['invalid', 'UNKNOWN_PRICING_UNIT'],
      ['invalid', 'INVALID_PRICE'],
    ]);
    const commit = await master.post(`/api/imports/${upload.body.data.id}/commit`).send({ version: upload.body.data.version, duplicates: 'update' });
    expect(commit.body.data.result).toEqual({ created: 1, updated: 1, skipped: 0 });
    const services = await t.db.query<{ code: string; price_cents: number; pricing_unit: string; name_en: string }>(
      `SELECT code, price_cents, pricing_unit, name_en FROM laundry_services WHERE code IN ('EDREDOM_GRANDE', 'WASH_IRON') ORDER BY code`,
    );
    expect(services.rows).toEqual([
      { code: 'EDREDOM_GRANDE', price_cents: 1250, pricing_unit: 'per_item', name_en: 'Edredão grande' },
      { code: 'WASH_IRON', price_cents: 375, pricing_unit: 'per_kg', name_en: 'Wash + Iron' },
    ]);
  });

  it('when each template is downloaded and uploaded as it is, then its example rows import cleanly', async () => {
    for (const kind of ['clients', 'properties', 'services']) {
      const template = await master.get(`/api/imports/templates/${kind}`).buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(template.status).toBe(200);
      expect(template.headers['content-type']).toBe('text/csv; charset=utf-8');
      const upload = await uploadCsv(master, kind, template.body as Buffer);
      expect(upload.body.data.missingFields, kind).toEqual([]);
      expect(upload.body.data.summary, kind).toMatchObject({ total: 2, invalid: 0 });
      const commit = await master.post(`/api/imports/${upload.body.data.id}/commit`).send({ version: upload.body.data.version, duplicates: 'skip' });
      expect(commit.status, kind).toBe(200);
    }
    const en = await master.get('/api/imports/templates/clients').query({ locale: 'en' });
    expect(en.text.split('\r\n')[0]).toContain('"Phone"');
  });
});

describe('undo', () => {
  it('when an import is undone, then the records it created are deleted and it cannot be undone twice', async () => {
    const csv = `Nome;Telefone\r\nDesfeito Um;${mobileFor(1, '93')}\r\nDesfeito Dois;${mobileFor(2, '93')}\r\n`;
    const upload = await uploadCsv(master, 'clients', csv);
    await master.post(`/api/imports/${upload.body.data.id}/commit`).send({ version: upload.body.data.version, duplicates: 'skip' });
    const before = (await counts()).clients;
    const undo = await master.post(`/api/imports/${upload.body.data.id}/undo`);
    expect(undo.status).toBe(200);
    expect(undo.body.data).toMatchObject({ status: 'undone', undoneAt: expect.any(String) });
    expect((await counts()).clients).toBe(before - 2);
    const again = await master.post(`/api/imports/${upload.body.data.id}/undo`);
    expect([again.status, again.body.error.code]).toEqual([409, 'IMPORT_NOT_COMMITTED']);
  });

  it('when an imported client already has a property, or was edited, then undo is refused and nothing is deleted', async () => {
    const csv = `Nome;Telefone\r\nEm Uso;${mobileFor(3, '93')}\r\n`;
    const upload = await uploadCsv(master, 'clients', csv);
    await master.post(`/api/imports/${upload.body.data.id}/commit`).send({ version: upload.body.data.version, duplicates: 'skip' });
    const [row] = await allImportRows(master, upload.body.data.id);
    const property = await master.post(`/api/clients/${row!.recordId}/properties`).send(PROPERTY);
    expect(property.status).toBe(201);
    const inUse = await master.post(`/api/imports/${upload.body.data.id}/undo`);
    expect([inUse.status, inUse.body.error.code]).toEqual([409, 'IMPORT_IN_USE']);

    const second = await uploadCsv(master, 'clients', `Nome;Telefone\r\nEditado;${mobileFor(4, '93')}\r\n`);
    await master.post(`/api/imports/${second.body.data.id}/commit`).send({ version: second.body.data.version, duplicates: 'skip' });
    const [edited] = await allImportRows(master, second.body.data.id);
    await master.patch(`/api/clients/${edited!.recordId}`).send({ version: 1, notes: 'Cliente habitual' });
    const changed = await master.post(`/api/imports/${second.body.data.id}/undo`);
    expect([changed.status, changed.body.error.code]).toEqual([409, 'IMPORT_CHANGED']);
    expect((await master.get(`/api/clients/${edited!.recordId}`)).status).toBe(200);
  });

  it('when a draft is discarded, then its rows go with it', async () => {
    const upload = await uploadCsv(master, 'clients', `Nome;Telefone\r\nRascunho;${mobileFor(5, '93')}\r\n`);
    expect((await master.delete(`/api/imports/${upload.body.data.id}`)).status).toBe(204);
    expect((await master.get(`/api/imports/${upload.body.data.id}`)).status).toBe(404);
    const rows = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM import_rows WHERE import_id = $1`, [upload.body.data.id]);
    expect(rows.rows[0]!.n).toBe(0);
  });
});

describe('drafts expire', () => {
  it('when a draft is older than a day, then it cannot be committed and the next upload removes it', async () => {
    const upload = await uploadCsv(master, 'clients', `Nome;Telefone\r\nAntigo;${mobileFor(6, '93')}\r\n`);
    await t.db.query(`UPDATE imports SET created_at = created_at - interval '25 hours' WHERE id = $1`, [upload.body.data.id]);
    const late = await master.post(`/api/imports/${upload.body.data.id}/commit`).send({ version: upload.body.data.version, duplicates: 'skip' });
    expect([late.status, late.body.error.code]).toEqual([409, 'IMPORT_EXPIRED']);
    await uploadCsv(master, 'clients', iconv.encode(`Nome;Telefone\r\nNovo;${mobileFor(7, '93')}\r\n`, 'windows-1252'));
    expect((await master.get(`/api/imports/${upload.body.data.id}`)).status).toBe(404);
  });
});
