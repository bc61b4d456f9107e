import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { PROPERTY, uniquePhone, validNif } from '../helpers/people-fixtures.js';
import { loggableUrl } from '../../src/lib/loggable-url.js';

/**
 * No personal data in logs (issue 16 §5): an API run that creates, searches, signs in and fails with
 * real-looking people leaves none of their NIFs, phones, e-mails or names in the captured log.
 */
describe('personal data in the log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: '1' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('when people are created, searched for, signed in as and mistyped, then none of their data is in the log', async () => {
    const master = await t.signIn('master');
    const people = [
      { name: 'Quitéria Albuquerque', phone: uniquePhone(), email: 'quiteria.albuquerque@example.pt', nif: validNif() },
      { name: 'Brandão Vasconcelos', phone: uniquePhone(), email: 'brandao.v@example.pt', nif: validNif() },
    ];
    const used: string[] = [];
    for (const person of people) {
      const created = await master.post('/api/clients').send(person);
      expect(created.status).toBe(201);
      const { id } = created.body.data.client;
      const local = person.phone.slice(4);
      used.push(person.name, person.name.split(' ')[1]!, person.phone, local, person.email, person.nif);
      // Searches and filters by every personal field, as staff type them.
      for (const term of [person.nif, local, person.phone, person.email, person.name, person.name.split(' ')[1]!]) {
        expect((await master.get('/api/clients').query({ search: term })).status).toBe(200);
        expect((await master.get('/api/laundry-orders').query({ q: term })).status).toBe(200);
        expect((await master.get('/api/cleaning-jobs').query({ q: term })).status).toBe(200);
        // A personal value typed into a field that expects something else: a 400, logged without it.
        expect((await master.get('/api/payments').query({ from: term })).status).toBe(400);
      }
      await master.patch(`/api/clients/${id}`).send({ version: created.body.data.client.version, notes: `Fala com ${person.name}` });
      await master.post(`/api/clients/${id}/properties`).send({ ...PROPERTY, name: `Casa de ${person.name}` });
      // Sign-in failures by phone (as typed and normalised) and a reset request by e-mail and phone.
      await t.request.post('/api/auth/login/client').set('X-Forwarded-For', '203.0.113.5').send({ phone: local, password: 'not-the-password' });
      await t.request.post('/api/auth/login/client').set('X-Forwarded-For', '203.0.113.5').send({ phone: `${local}\u0000`, password: 'x' });
      await t.request.post('/api/auth/forgot-password').send({ identifier: person.email });
      await t.request.post('/api/auth/forgot-password').send({ identifier: person.phone });
      await master.get(`/api/clients?search=${encodeURIComponent(person.nif)}&limit=5`);
      await master.get(`/api/clients/${id}/export`);
    }
    await t.request.post('/api/auth/login/user').send({ username: 'quiteria.albuquerque', password: 'wrong-password' });
    used.push('quiteria.albuquerque');

    const log = t.logs.text();
    expect(t.logs.lines.length).toBeGreaterThan(50);
    const found = used.filter((value) => log.toLowerCase().includes(value.toLowerCase()) || log.includes(encodeURIComponent(value)));
    const leaks = t.logs.lines.filter((l) => found.some((v) => JSON.stringify(l).toLowerCase().includes(v.toLowerCase())));
    expect(found, JSON.stringify(leaks.slice(0, 5), null, 1)).toEqual([]);
  });

  it('when a request comes through the trusted proxy, then its log line shows the client address, not the proxy', async () => {
    const res = await t.request.get('/api/auth/session').set('X-Forwarded-For', '198.51.100.23');
    const line = t.logs.lines.find((l) => l.reqId === res.body._meta.correlationId && (l.req as { url?: string })?.url);
    expect((line!.req as { ip: string }).ip).toBe('198.51.100.23');
  });

  it('when a URL is made loggable, then paging, sorting and periods stay readable and everything else is masked', () => {
    expect(loggableUrl('/api/clients?search=245678915&limit=5&sort=-name')).toBe('/api/clients?search=***&limit=5&sort=-name');
    expect(loggableUrl('/api/payments?from=2026-03-01&to=912345678&clientId=12')).toBe('/api/payments?from=2026-03-01&to=***&clientId=12');
    expect(loggableUrl('/api/clients?912345678=1&cursor=eyJuYW1lIjoiTWFyaWEifQ')).toBe('/api/clients?***=***&cursor=***');
    expect(loggableUrl('/api/x?clientId=maria%40example.pt')).toBe('/api/x?clientId=***');
    expect(loggableUrl('/api/clients/12')).toBe('/api/clients/12');
    expect(loggableUrl('/api/clients?constructor=x&__proto__=y&status=Albuquerque')).toBe('/api/clients?constructor=***&***=***&status=***');
  });
});
