import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { demoClientId } from '../helpers/money-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

const binary = (res: supertest.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

function pdfToText(pdf: Buffer): string {
  const file = path.join(os.tmpdir(), `business-${process.pid}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** The business's identity in one place (issue 18, defect 10): settings, landing, documents, e-mails, manifest. */
describe('business identity', () => {
  let t: TestApp;
  let master: Agent;
  let admin: Agent;
  let client: Agent;
  const details = async () => (await master.get('/api/business/details')).body.data as Record<string, unknown> & { version: number };
  const valid = async () => {
    const d = await details();
    return { version: d.version, name: d.name, legalName: d.legalName, address: d.address, nif: d.nif, phone: d.phone, email: d.email };
  };

  beforeAll(async () => {
    t = await createTestApp();
    master = await t.signIn('master');
    admin = await t.signIn('admin');
    client = await t.signIn('client');
  });
  afterAll(async () => {
    await t.close();
  });

  it('when anyone asks before signing in, then only the public details come back', async () => {
    const res = await t.request.get('/api/business');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ name: 'Lavandaria', address: '', phone: '', email: '', logoUrl: null });
    expect((await t.request.get('/api/business/details')).status).toBe(401);
    expect((await client.get('/api/business/details')).status).toBe(403);
    expect((await admin.get('/api/business/details')).body.data).toMatchObject({ name: 'Lavandaria', legalName: '', nif: '', version: 1 });
  });

  it('when the owner edits it, then the phone is stored in E.164, the version moves on and the change is audited with its values', async () => {
    const body = { ...(await valid()), name: 'Lavandaria Aurora', legalName: 'Aurora Limpezas, Lda.', nif: '509 999 999', phone: '912 345 678', email: 'Ola@Aurora.pt', address: 'Rua Augusta 1\n1100-048 Lisboa' };
    const res = await master.put('/api/business').send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ name: 'Lavandaria Aurora', legalName: 'Aurora Limpezas, Lda.', nif: '509999999', phone: '+351912345678', email: 'ola@aurora.pt', version: body.version + 1 });
    expect((await t.request.get('/api/business')).body.data.name).toBe('Lavandaria Aurora');
    const audit = await master.get('/api/audit-log').query({ entity: 'business' });
    expect(audit.status).toBe(200);
    expect(audit.body.data[0]).toMatchObject({ action: 'update', entity: 'business', entityId: '1' });
    expect(audit.body.data[0].after).toMatchObject({ name: 'Lavandaria Aurora', nif: '509999999' });
    expect(audit.body.data[0].before).toMatchObject({ name: 'Lavandaria', nif: '' });
  });

  it('when a field is not valid (a NIF with a wrong check digit, a bad e-mail or phone, no name), then 400 and nothing changes', async () => {
    const base = await valid();
    for (const change of [{ nif: '509999998' }, { nif: '12345678' }, { email: 'not-an-address' }, { phone: 'call me' }, { name: '  ' }, { extra: 1 }]) {
      const res = await master.put('/api/business').send({ ...base, ...change });
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await details()).version).toBe(base.version);
  });

  it('when someone else edited meanwhile, then 409 VERSION_CONFLICT; a manager or a client may not edit', async () => {
    const base = await valid();
    expect((await master.put('/api/business').send({ ...base, version: base.version - 1 })).status).toBe(409);
    expect((await admin.put('/api/business').send(base)).status).toBe(403);
    expect((await client.put('/api/business').send(base)).status).toBe(403);
    expect((await t.request.put('/api/business').send(base)).status).toBe(401);
  });

  it('when the name changes, then the installed app’s manifest carries it and keeps its icon', async () => {
    await master.put('/api/business').send({ ...(await valid()), name: 'Lavandaria do Bairro Alto' });
    const res = await t.request.get('/api/manifest.webmanifest');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/manifest+json');
    const manifest = JSON.parse(res.text);
    expect(manifest).toMatchObject({ name: 'Lavandaria do Bairro Alto', short_name: 'Lavandaria', start_url: '/', display: 'standalone' });
    expect(manifest.icons).toContainEqual(expect.objectContaining({ src: '/favicon.svg' }));
  });

  it('when documents are printed, then the statement carries the configured legal name and NIF', async () => {
    await master.put('/api/business').send({ ...(await valid()), legalName: 'Aurora Limpezas e Tinturaria, Lda.', nif: '509999999' });
    const clientId = await demoClientId(t);
    const res = await admin.get(`/api/clients/${clientId}/statements/2026-02`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const text = pdfToText(res.body as Buffer);
    expect(text).toContain('Aurora Limpezas e Tinturaria, Lda.');
    expect(text).toContain('509999999');
  });

  it('when the owner uploads a logo, then it is kept re-encoded as a PNG and offered publicly; SVG, other types and big files are refused', async () => {
    const jpeg = await sharp({ create: { width: 900, height: 300, channels: 3, background: '#2255aa' } }).jpeg().toBuffer();
    const { version } = await details();
    const res = await master.put('/api/business/logo').field('version', String(version)).attach('logo', jpeg, { filename: 'logo.jpg', contentType: 'image/jpeg' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.logoUrl).toMatch(/^\/api\/business\/logo\?v=\d+$/);
    const pub = (await t.request.get('/api/business')).body.data;
    expect(pub.logoUrl).toBe(res.body.data.logoUrl);
    const logo = await t.request.get(pub.logoUrl).buffer(true).parse(binary);
    expect(logo.status).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['x-content-type-options']).toBe('nosniff');
    const meta = await sharp(logo.body as Buffer).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 512, height: 171 });
    const files = fs.readdirSync(path.join(t.config.dataDir, 'business'));
    expect(files).toContain(`${String(logo.headers.etag).replaceAll('"', '')}.png`);

    const now = (await details()).version;
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const refusedSvg = await master.put('/api/business/logo').field('version', String(now)).attach('logo', svg, { filename: 'logo.png', contentType: 'image/png' });
    expect(refusedSvg.status).toBe(415);
    expect(refusedSvg.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = Buffer.concat([jpeg, Buffer.alloc(2 * 1024 * 1024)]);
    const refusedBig = await master.put('/api/business/logo').field('version', String(now)).attach('logo', big, { filename: 'big.jpg', contentType: 'image/jpeg' });
    expect(refusedBig.status).toBe(413);
    expect((await admin.put('/api/business/logo').field('version', String(now)).attach('logo', jpeg, 'logo.jpg')).status).toBe(403);
    expect((await master.put('/api/business/logo').field('version', String(now - 1)).attach('logo', jpeg, 'logo.jpg')).status).toBe(409);

    const removed = await master.delete('/api/business/logo').query({ version: now });
    expect(removed.status).toBe(200);
    expect(removed.body.data.logoUrl).toBeNull();
    expect((await t.request.get('/api/business/logo')).status).toBe(404);
  });
});
