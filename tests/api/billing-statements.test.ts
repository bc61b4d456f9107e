import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatementSource } from '../../src/modules/billing/billing-statements.js';
import { createTestApp, sameDatabaseAs, type TestApp } from '../helpers/test-app.js';
import { collectOrder, serviceIds, takeOrder } from '../helpers/money-fixtures.js';
import { createClient } from '../helpers/people-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

/**
 * The accounts module's statement service of an instance (ADR 0015), failing on purpose for the clients in
 * `failFor` (a statement that cannot be made, for the retry test).
 */
function statementsOf(app: () => TestApp, failFor: Set<number>): StatementSource {
  return {
    async closingBalanceCents(q, clientId, month) {
      if (failFor.has(clientId)) throw new Error('statement not available');
      return (await app().built.statements.statement(clientId, month, q)).closingBalanceCents;
    },
  };
}

const binary = (res: supertest.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** The PDF part of a MIME message as written to the mail directory: its file name and decoded bytes. */
function pdfAttachmentOf(message: string): { filename: string; bytes: Buffer } {
  const eml = message.replace(/\r\n/g, '\n');
  const start = eml.indexOf('Content-Type: application/pdf');
  expect(start, 'the e-mail has a PDF part').toBeGreaterThan(-1);
  const part = eml.slice(start);
  const headersEnd = part.indexOf('\n\n');
  const headers = part.slice(0, headersEnd);
  const body = part.slice(headersEnd + 2, part.indexOf('\n--', headersEnd));
  expect(headers).toContain('Content-Transfer-Encoding: base64');
  const filename = /filename="?([^"\n]+)"?/.exec(headers)?.[1] ?? '';
  return { filename, bytes: Buffer.from(body.replace(/\s+/g, ''), 'base64') };
}

/** Issue 19 §5: on-account clients get their statement of last month on the 1st (Lisbon), once. */
describe('monthly statements', () => {
  let t: TestApp;
  let other: TestApp;
  let admin: Agent;
  let dataDir: string;
  const failing = new Set<number>();

  const tick = (app: TestApp) => app.built.jobs.find((j) => j.name === 'monthly-statements')!.handler({});
  const at = (instant: string) => {
    t.clock.set(instant);
    other.clock.set(instant);
  };
  async function issuedTo(clientId: number) {
    const mails = await t.db.query<{ params: { month: string } }>(`SELECT params FROM mail_outbox WHERE client_id = $1 AND type = 'account.statement_issued'`, [clientId]);
    const notes = await t.db.query(`SELECT 1 FROM notifications WHERE client_id = $1 AND type = 'account.statement_issued'`, [clientId]);
    const rows = await t.db.query(`SELECT month FROM statement_issues WHERE client_id = $1`, [clientId]);
    return { mails: mails.rows.map((m) => m.params.month), notifications: notes.rowCount, issued: rows.rows.map((r) => r.month) };
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lavandaria-statements-'));
    t = await createTestApp({ env: { DATA_DIR: dataDir }, statementSource: statementsOf(() => t, failing) });
    other = await createTestApp({ env: { DATA_DIR: dataDir }, database: sameDatabaseAs(t), statementSource: statementsOf(() => other, failing) });
    admin = await t.signIn('admin');
  });
  afterAll(async () => {
    await other.close();
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('when two instances tick on the 1st, then a monthly client gets exactly one statement e-mail and notice; a per-document client none', async () => {
    at('2026-03-10T10:00:00Z');
    const services = await serviceIds(t);
    const monthly = (await createClient(admin, { email: 'empresa@example.pt', billing: 'monthly', isEnterprise: true, companyName: 'Alojamentos Lda' })).client;
    const perDocument = (await createClient(admin, { email: 'joana@example.pt' })).client;
    for (const clientId of [monthly.id, perDocument.id]) {
      const order = await takeOrder(admin, { clientId, lines: [{ serviceId: services.DRY_CLEAN, quantity: 1 }] });
      await collectOrder(admin, order.id);
    }
    // 1 April 07:10 in Lisbon (summer time): March's statements.
    at('2026-04-01T06:10:00Z');
    await Promise.all([tick(t), tick(other), tick(t), tick(other)]);
    expect(await issuedTo(monthly.id)).toEqual({ mails: ['2026-03'], notifications: 1, issued: ['2026-03'] });
    expect(await issuedTo(perDocument.id)).toEqual({ mails: [], notifications: 0, issued: [] });
    // The notice quotes the statement's own closing balance (the accounts module's, ADR 0015).
    const statement = await admin.get(`/api/clients/${monthly.id}/statements/2026-03?format=json`);
    expect(statement.status).toBe(200);
    const notice = await t.db.query<{ params: { closingBalanceCents: number } }>(`SELECT params FROM notifications WHERE client_id = $1 AND type = 'account.statement_issued'`, [monthly.id]);
    expect(notice.rows[0]!.params.closingBalanceCents).toBe(statement.body.data.closingBalanceCents);
    expect(statement.body.data.closingBalanceCents).toBeGreaterThan(0);
    // A retry later in the window issues nothing again.
    at('2026-04-03T06:10:00Z');
    await tick(other);
    expect((await issuedTo(monthly.id)).mails).toEqual(['2026-03']);
    // The e-mail names the month in the client's language.
    const { rows } = await t.db.query<{ id: number }>(`SELECT id FROM mail_outbox WHERE client_id = $1 AND type = 'account.statement_issued'`, [monthly.id]);
    await t.built.jobs.find((j) => j.name === 'mail-deliver')!.handler({ outboxId: rows[0]!.id });
    const eml = fs.readFileSync(path.join(dataDir, 'mail', `mail-${rows[0]!.id}.eml`), 'utf8');
    expect(eml).toContain('extrato de mar');
    // It carries the statement's PDF: the very bytes the client downloads for that month.
    const attached = pdfAttachmentOf(eml);
    expect(attached.filename).toMatch(/\.pdf$/);
    const download = await admin.get(`/api/clients/${monthly.id}/statements/2026-03`).buffer(true).parse(binary);
    expect(download.status).toBe(200);
    expect(attached.bytes.equals(download.body as Buffer)).toBe(true);
    // The notice leads to the client's account page, where the statements are.
    const link = await t.db.query<{ link: string }>(`SELECT link FROM notifications WHERE client_id = $1 AND type = 'account.statement_issued'`, [monthly.id]);
    expect(link.rows[0]!.link).toBe('/client/account');
  });

  it("when one client's statement fails, then the tick fails for a retry, the others are issued, and the retry issues the rest once", async () => {
    at('2026-04-20T10:00:00Z');
    const a = (await createClient(admin, { email: 'a@example.pt', billing: 'monthly' })).client;
    const b = (await createClient(admin, { email: 'b@example.pt', billing: 'monthly' })).client;
    failing.add(a.id);
    at('2026-05-01T06:30:00Z');
    await expect(tick(t)).rejects.toThrow(/failed/);
    expect((await issuedTo(a.id)).issued).toEqual([]);
    expect((await issuedTo(b.id)).issued).toEqual(['2026-04']);
    failing.delete(a.id);
    await Promise.all([tick(t), tick(other)]);
    expect((await issuedTo(a.id)).mails).toEqual(['2026-04']);
    expect((await issuedTo(b.id)).mails).toEqual(['2026-04']);
  });

  it('when the window of the first days has passed, then nothing is issued for last month', async () => {
    const late = (await createClient(admin, { email: 'late@example.pt', billing: 'monthly' })).client;
    at('2026-05-08T10:00:00Z');
    expect(await tick(t)).toMatchObject({ month: '2026-04', issued: 0 });
    expect((await issuedTo(late.id)).issued).toEqual([]);
  });
});
