import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createClient, firstSignIn, NEW_PASSWORD, signedInClient } from '../helpers/people-fixtures.js';
import { createJobQueue } from '../../src/jobs/job-queue.js';
import { createLogger } from '../../src/lib/logger.js';

type Agent = ReturnType<typeof supertest.agent>;

describe('notifications, e-mail and password reset', () => {
  let t: TestApp;
  let admin: Agent;
  let dataDir: string;
  const mailDir = () => path.join(dataDir, 'mail');

  const job = (name: string) => t.built.jobs.find((j) => j.name === name)!;
  async function outboxFor(clientId: number) {
    const { rows } = await t.db.query<{ id: number; status: string; type: string; secret_params_enc: string | null; to_address: string }>(
      `SELECT id, status, type, secret_params_enc, to_address FROM mail_outbox WHERE client_id = $1 ORDER BY id`,
      [clientId],
    );
    return rows;
  }
  async function deliverAll(clientId: number): Promise<string[]> {
    const texts: string[] = [];
    for (const mail of await outboxFor(clientId)) {
      if (mail.status !== 'pending') continue;
      await job('mail-deliver').handler({ outboxId: mail.id });
      texts.push(quotedPrintable(fs.readFileSync(path.join(mailDir(), `mail-${mail.id}.eml`), 'utf8')));
    }
    return texts;
  }
  /** The body of a written .eml as text (nodemailer encodes it quoted-printable). */
  const quotedPrintable = (eml: string) =>
    Buffer.from(
      eml.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  const tokenIn = (text: string) => /reset-password#token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lavandaria-mail-'));
    t = await createTestApp({ env: { DATA_DIR: dataDir, APP_BASE_URL: 'https://lavandaria.example.pt', RATE_LIMIT_PASSWORD_RESET_MAX: '3' } });
    admin = await t.signIn('admin');
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('when a client with an e-mail is created, then a welcome is queued, not sent in the request, and the job mails it once', async () => {
    const { client, temporaryPassword } = await createClient(admin, { name: 'Marta Teixeira', email: 'marta@example.pt' });
    const [mail] = await outboxFor(client.id);
    expect(mail).toMatchObject({ status: 'pending', type: 'account.welcome', to_address: 'marta@example.pt' });
    expect(mail!.secret_params_enc).not.toContain(temporaryPassword);
    expect(fs.existsSync(path.join(mailDir(), `mail-${mail!.id}.eml`))).toBe(false);

    const [eml] = await deliverAll(client.id);
    expect(eml).toContain('To: marta@example.pt');
    expect(eml).toContain('Palavra-passe temporária');
    expect(eml).toContain(temporaryPassword);
    const [sent] = await outboxFor(client.id);
    expect(sent).toMatchObject({ status: 'sent', secret_params_enc: null });
    // A repeated job (a retry, the sweep) does not send it twice.
    await job('mail-deliver').handler({ outboxId: sent!.id });
    expect(fs.readdirSync(mailDir()).filter((f) => f === `mail-${sent!.id}.eml`)).toHaveLength(1);
  });

  it('when a client has no e-mail, then only the in-app welcome exists', async () => {
    const { client } = await createClient(admin);
    expect(await outboxFor(client.id)).toEqual([]);
    const { rows } = await t.db.query(`SELECT type FROM notifications WHERE client_id = $1`, [client.id]);
    expect(rows).toEqual([{ type: 'account.welcome' }]);
  });

  it('when a client reads notifications, then rendered in their language, with unread count, mark read and mark all read', async () => {
    const { client, agent } = await signedInClient(t, admin);
    await admin.post(`/api/clients/${client.id}/reset-password`);
    const relogin = await firstSignIn(t, client.phone, (await admin.post(`/api/clients/${client.id}/reset-password`)).body.data.temporaryPassword);
    expect((await agent.get('/api/notifications/unread-count')).status).toBe(401);

    expect((await relogin.get('/api/notifications/unread-count')).body.data.count).toBe(3);
    const list = await relogin.get('/api/notifications');
    expect(list.body.data).toHaveLength(3);
    expect(list.body.data[2]).toMatchObject({ type: 'account.welcome', title: 'Bem-vindo(a) à Lavandaria', readAt: null });
    const me = (await relogin.get('/api/clients/me')).body.data;
    await relogin.patch('/api/clients/me').send({ version: me.version, locale: 'en' });
    expect((await relogin.get('/api/notifications')).body.data[2].title).toBe('Welcome to Lavandaria');

    const read = await relogin.post(`/api/notifications/${list.body.data[0].id}/read`);
    expect(read.body.data.readAt).not.toBeNull();
    expect((await relogin.get('/api/notifications?unread=true')).body.data).toHaveLength(2);
    expect((await relogin.post('/api/notifications/read-all')).body.data.updated).toBe(2);
    expect((await relogin.get('/api/notifications/unread-count')).body.data.count).toBe(0);
  });

  it('when someone marks another account’s notification read, then 404', async () => {
    const { client: owner } = await createClient(admin);
    const { rows } = await t.db.query<{ id: number }>(`SELECT id FROM notifications WHERE client_id = $1`, [owner.id]);
    const { agent: other } = await signedInClient(t, admin);
    expect((await other.post(`/api/notifications/${rows[0]!.id}/read`)).status).toBe(404);
    expect((await admin.post(`/api/notifications/${rows[0]!.id}/read`)).status).toBe(404);
  });

  it('when "forgot password" is asked for an existing and an unknown account, then the answers are identical and only the real one gets a link', async () => {
    const { client } = await createClient(admin, { email: 'esquecida@example.pt' });
    const known = await t.request.post('/api/auth/forgot-password').send({ identifier: 'Esquecida@Example.pt' });
    const unknown = await t.request.post('/api/auth/forgot-password').send({ identifier: 'ninguem@example.pt' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body.data).toEqual(unknown.body.data);
    const mails = (await outboxFor(client.id)).filter((m) => m.type === 'password.reset_link');
    expect(mails).toHaveLength(1);
  });

  it('when the e-mailed link is used, then the password changes once; the link cannot be used again', async () => {
    const { client } = await createClient(admin, { email: 'link@example.pt' });
    await t.request.post('/api/auth/forgot-password').send({ identifier: client.phone });
    const texts = await deliverAll(client.id);
    const token = tokenIn(texts.find((x) => x.includes('reset-password#token='))!);
    expect(texts.join()).toContain('https://lavandaria.example.pt/reset-password#token=');
    const { rows } = await t.db.query<{ token_hash: string }>(`SELECT token_hash FROM password_reset_tokens WHERE client_id = $1`, [client.id]);
    expect(rows[0]!.token_hash).not.toBe(token);

    const reset = await t.request.post('/api/auth/reset-password').send({ token, newPassword: NEW_PASSWORD });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect((await t.request.post('/api/auth/login/client').send({ phone: client.phone, password: NEW_PASSWORD })).status).toBe(200);
    const again = await t.request.post('/api/auth/reset-password').send({ token, newPassword: 'Outra-Senha-Boa-99' });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('RESET_TOKEN_INVALID');
  });

  it('when staff create a reset link for a client without e-mail, then it works once and expires', async () => {
    const { client } = await createClient(admin);
    const res = await admin.post(`/api/clients/${client.id}/reset-link`);
    expect(res.status).toBe(201);
    const token = /#token=(.+)$/.exec(res.body.data.url)![1]!;
    const weak = await t.request.post('/api/auth/reset-password').send({ token, newPassword: 'password' });
    expect(weak.body.error.code).toBe('PASSWORD_TOO_COMMON');
    expect((await t.request.post('/api/auth/reset-password').send({ token, newPassword: NEW_PASSWORD })).status).toBe(200);

    const late = await admin.post(`/api/clients/${client.id}/reset-link`);
    const lateToken = /#token=(.+)$/.exec(late.body.data.url)![1]!;
    t.clock.advance(73 * 3_600_000);
    try {
      const expired = await t.request.post('/api/auth/reset-password').send({ token: lateToken, newPassword: NEW_PASSWORD });
      expect(expired.status).toBe(400);
      expect(expired.body.error.code).toBe('RESET_TOKEN_INVALID');
    } finally {
      t.clock.set(new Date());
    }
  });

  it('when "forgot password" is hammered for one account, then 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await t.request.post('/api/auth/forgot-password').send({ identifier: 'martelo' })).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
    const res = await t.request.post('/api/auth/forgot-password').send({ identifier: 'martelo' });
    expect(res.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('when the job queue runs, then a queued e-mail is delivered by a worker, not by the request', async () => {
    const queue = createJobQueue({ connection: t.connection, ssl: false, logger: createLogger({ level: 'silent', pretty: false }), work: true });
    await queue.start();
    try {
      await queue.register(t.built.jobs.filter((j) => j.name === 'mail-deliver'));
      const { client } = await createClient(admin, { email: 'fila@example.pt' });
      const [mail] = await outboxFor(client.id);
      await queue.send('mail-deliver', { outboxId: mail!.id }, { singletonKey: `mail-${mail!.id}` });
      const deadline = Date.now() + 15_000;
      let status = 'pending';
      while (status !== 'sent' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        status = (await outboxFor(client.id))[0]!.status;
      }
      expect(status).toBe('sent');
      expect(fs.existsSync(path.join(mailDir(), `mail-${mail!.id}.eml`))).toBe(true);
    } finally {
      await queue.stop();
    }
  }, 30_000);
});
