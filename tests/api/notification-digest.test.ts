import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { signedInClient } from '../helpers/people-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

/** Issue 23 §3: several messages to one account within 10 minutes are one e-mail. */
describe('e-mail digest', () => {
  let t: TestApp;
  let admin: Agent;
  let dataDir: string;
  const mailDir = () => path.join(dataDir, 'mail');
  const deliver = (outboxId: number) => t.built.notifications.deliver(outboxId);
  const quotedPrintable = (eml: string) =>
    Buffer.from(eml.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');

  const message = (clientId: number, subjectId: number) =>
    t.db.transaction((tx) =>
      t.built.notifications.notify(tx, {
        to: { type: 'client', id: clientId },
        type: 'message_received',
        params: { subject: 'laundry_order', subjectId, reference: `L-${subjectId}` },
        link: `/client/laundry/${subjectId}`,
      }),
    );
  async function outbox(clientId: number) {
    const { rows } = await t.db.query<{ id: number; status: string; digest: unknown[] | null }>(`SELECT id, status, digest FROM mail_outbox WHERE client_id = $1 ORDER BY id`, [clientId]);
    return rows;
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lavandaria-digest-'));
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
    admin = await t.signIn('admin');
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('when three messages arrive within 10 minutes, then one e-mail lists the three, sent once the window ends; a fourth later starts a new one', async () => {
    const { client } = await signedInClient(t, admin, { email: 'digest@example.pt' });
    t.clock.set('2026-03-10T10:00:00Z');
    const first = await message(client.id, 1);
    t.clock.set('2026-03-10T10:04:00Z');
    const second = await message(client.id, 2);
    t.clock.set('2026-03-10T10:09:30Z');
    const third = await message(client.id, 3);
    expect(new Set([first.outboxId, second.outboxId, third.outboxId]).size).toBe(1);
    // Every message is in the bell at once.
    expect((await t.db.query(`SELECT 1 FROM notifications WHERE client_id = $1 AND type = 'message_received'`, [client.id])).rowCount).toBe(3);

    const [pending] = (await outbox(client.id)).filter((m) => m.digest);
    expect(pending!.digest).toHaveLength(3);
    // Not before the window ends: the job leaves it, and the sweep does not pick it up.
    expect(await deliver(pending!.id)).toBe('skipped');
    expect(fs.existsSync(path.join(mailDir(), `mail-${pending!.id}.eml`))).toBe(false);
    expect(await t.built.notifications.sweep()).toBe(0);

    t.clock.set('2026-03-10T10:10:01Z');
    expect(await t.built.notifications.sweep()).toBeGreaterThanOrEqual(1);
    expect(await deliver(pending!.id)).toBe('sent');
    const files = fs.readdirSync(mailDir()).filter((f) => f === `mail-${pending!.id}.eml`);
    expect(files).toHaveLength(1);
    const eml = quotedPrintable(fs.readFileSync(path.join(mailDir(), files[0]!), 'utf8'));
    expect(eml).toContain('To: digest@example.pt');
    expect(eml).toContain('Tem 3 novas notificações');
    for (const ref of ['L-1', 'L-2', 'L-3']) expect(eml).toContain(ref);

    t.clock.set('2026-03-10T10:11:00Z');
    const fourth = await message(client.id, 4);
    expect(fourth.outboxId).not.toBe(pending!.id);
    expect((await outbox(client.id)).filter((m) => m.digest).map((m) => m.status)).toEqual(['sent', 'pending']);
  });

  it('when only one message arrives in the window, then its own e-mail is sent (not a list of one)', async () => {
    const { client } = await signedInClient(t, admin, { email: 'uma@example.pt' });
    t.clock.set('2026-03-11T10:00:00Z');
    const only = await message(client.id, 7);
    t.clock.set('2026-03-11T10:10:00Z');
    expect(await deliver(only.outboxId!)).toBe('sent');
    const eml = quotedPrintable(fs.readFileSync(path.join(mailDir(), `mail-${only.outboxId}.eml`), 'utf8'));
    expect(eml).toContain('Tem uma nova mensagem sobre');
    expect(eml).not.toContain('novas notificações');
  });

  it('when messages go to two accounts, then each has its own digest; with the e-mail off, none', async () => {
    const a = await signedInClient(t, admin, { email: 'a@example.pt' });
    const b = await signedInClient(t, admin, { email: 'b@example.pt' });
    await b.agent.put('/api/notification-preferences').send({ email: { message_received: false } }).expect(200);
    t.clock.set('2026-03-12T10:00:00Z');
    await message(a.client.id, 8);
    await message(b.client.id, 8);
    await message(a.client.id, 9);
    expect((await outbox(a.client.id)).filter((m) => m.digest).map((m) => m.digest!.length)).toEqual([2]);
    expect((await outbox(b.client.id)).filter((m) => m.digest)).toEqual([]);
  });
});
