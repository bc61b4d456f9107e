import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDocument } from '../../src/http/openapi/registry.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createStaff, PROPERTY, signedInClient } from '../helpers/people-fixtures.js';
import { plainJpeg } from '../fixtures/photo-fixtures.js';
import { uploadPhotos } from '../fixtures/photo-api.js';

/**
 * Hostile input over the whole route table (issue 16 §2): every route, called by a caller it lets
 * through, gets NUL bytes, lone surrogates, 10 kB strings, impossible dates and huge numbers in each of
 * its inputs (path, query, body), one input at a time on an otherwise plausible request so the bad value
 * reaches as far into the server as it can. Any 5xx fails. The inputs come from the OpenAPI document
 * the routes generate, so a new route or field is fuzzed without touching this file.
 */
type Agent = ReturnType<typeof supertest.agent> | ReturnType<typeof supertest>;
type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  example?: unknown;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
};

const BAD_STRINGS = {
  nul: 'Maria\u0000Silva',
  loneSurrogate: 'Maria\uD800Silva',
  tenKilobytes: 'x'.repeat(10_240),
};
const BAD_DATES = ['2026-02-30', '0000-01-01', '2026-13-01', '99999-01-01'];
const BAD_DATE_TIMES = ['2026-02-30T10:00:00Z', '0000-01-01T00:00:00Z'];
const HUGE_NUMBERS = [1e308, 2 ** 63, -(2 ** 63), 2 ** 31];

interface Fixtures {
  ids: Record<string, number>;
}

/** Query strings as a client may send them: a lone surrogate goes out as its (invalid) UTF-8 bytes. */
function queryString(query: Record<string, string>): string {
  const encode = (v: string) => v.replace(/[\uD800-\uDFFF]/g, '\uFFFD').split('\uFFFD').map(encodeURIComponent).join('%ED%A0%80');
  return Object.entries(query)
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .join('&');
}

describe('Input fuzz over the route table', () => {
  let t: TestApp;
  let uploads: string;
  let schemas: Record<string, Schema>;
  let doc: { paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string; schema: Schema }>; requestBody?: { content: Record<string, { schema: Schema }> } }>> };
  let fixtures: Fixtures;
  const agents = new Map<string, Agent>();

  beforeAll(async () => {
    uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-uploads-'));
    // The account limiter would otherwise lock the demo accounts the fuzzer signs in with.
    t = await createTestApp({ env: { UPLOADS_DIR: uploads, RATE_LIMIT_LOGIN_ACCOUNT_MAX: '100000', RATE_LIMIT_LOGIN_IP_MAX: '100000' } });
    doc = generateDocument(t.built.registry, 'test') as never;
    schemas = ((doc as unknown as { components: { schemas: Record<string, Schema> } }).components.schemas) ?? {};
    const master = await t.signIn('master');
    const owner = await signedInClient(t, master);
    const property = await master.post(`/api/clients/${owner.client.id}/properties`).send(PROPERTY);
    const serviceId = (await t.db.query<{ id: number }>(`SELECT id FROM laundry_services WHERE code = 'DRY_CLEAN'`)).rows[0]!.id;
    const order = await master.post('/api/laundry-orders').send({ clientId: owner.client.id, orderType: 'itemized', lines: [{ serviceId, quantity: 1 }] });
    const demoWorkerId = (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'worker1'`)).rows[0]!.id;
    const job = await master.post('/api/cleaning-jobs').send({
      clientId: owner.client.id,
      propertyId: property.body.data.id,
      jobType: 'airbnb',
      scheduledDate: '2026-03-12',
      scheduledTime: '10:00',
      estimatedHours: 2,
      workerIds: [demoWorkerId],
    });
    if (job.status !== 201) throw new Error(`cleaning job fixture: ${job.status} ${JSON.stringify(job.body)}`);
    const payment = await master.post('/api/payments').send({ laundryOrderId: order.body.data.id, amountCents: 100, method: 'cash' });
    const receipt = await master.post('/api/receipts').send({ laundryOrderId: order.body.data.id });
    const ticket = await master.post('/api/tickets').send({ title: 'Falta detergente', description: 'Armário vazio', priority: 'high' });
    const photo = await uploadPhotos(master, job.body.data.id, [{ bytes: await plainJpeg(64, 48), name: 'fuzz.jpg' }], { photoType: 'before' });
    const notifications = await owner.agent.get('/api/notifications');
    fixtures = {
      ids: {
        users: (await createStaff(master, {})).user.id,
        clients: owner.client.id,
        properties: property.body.data.id,
        'laundry-services': serviceId,
        'laundry-orders': order.body.data.id,
        lineId: order.body.data.lines[0].id,
        payments: payment.body.data.payment.id,
        receipts: receipt.body.data.id,
        tickets: ticket.body.data.id,
        'cleaning-jobs': job.body.data.id,
        photos: photo.body.data.photos[0].id,
        notifications: notifications.body.data[0]?.id ?? 1,
        imports: 1,
      },
    };
    agents.set('anonymous', t.request);
    agents.set('master', master);
    agents.set('worker', await t.signIn('worker'));
    fixtures.ids.worker = demoWorkerId;
    agents.set('client', owner.agent);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(uploads, { recursive: true, force: true });
  });

  function resolve(schema: Schema | undefined): Schema {
    let s = schema ?? {};
    while (s.$ref) s = schemas[s.$ref.replace('#/components/schemas/', '')] ?? {};
    if (s.allOf?.length) s = { ...s.allOf.map(resolve).reduce((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties } }), {}) };
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) return resolve(alternatives.find((a) => resolve(a).type !== 'null') ?? alternatives[0]);
    return s;
  }

  function typeOf(s: Schema): string | undefined {
    return Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  }

  /** A plausible value for a schema: its example, its first enum value, or something of its type. */
  function plausible(schema: Schema | undefined): unknown {
    const s = resolve(schema);
    if (s.example !== undefined) return s.example;
    if (s.const !== undefined) return s.const;
    if (s.enum?.length) return s.enum[0];
    switch (typeOf(s)) {
      case 'string':
        if (s.format === 'date') return '2026-03-12';
        if (s.format === 'date-time') return '2026-03-12T10:00:00Z';
        if (s.format === 'email') return 'fuzz@example.pt';
        return 'Texto de teste'.slice(0, Math.max(s.minLength ?? 0, 14));
      case 'integer':
      case 'number':
        return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
      case 'boolean':
        return true;
      case 'array':
        return [plausible(s.items)];
      case 'object':
        return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausible(v)]));
      default:
        return 'x';
    }
  }

  /** The hostile values worth sending where a schema sits. */
  function hostile(schema: Schema | undefined): unknown[] {
    const s = resolve(schema);
    const type = typeOf(s);
    if (type === 'integer' || type === 'number') return [...HUGE_NUMBERS, BAD_STRINGS.nul];
    if (type === 'string' && s.format === 'date') return [...BAD_DATES, BAD_STRINGS.nul];
    if (type === 'string' && s.format === 'date-time') return [...BAD_DATE_TIMES, BAD_STRINGS.nul];
    if (type === 'boolean') return [BAD_STRINGS.nul];
    if (type === 'array') return [[BAD_STRINGS.nul], ...hostile(s.items).map((v) => [v])];
    return [...Object.values(BAD_STRINGS), ...BAD_DATES.slice(0, 2), '0000-01', ...HUGE_NUMBERS.slice(0, 2).map(String)];
  }

  /** Ids in examples point at this test's own records, so a request gets past the "not found" checks. */
  const ID_FIELDS: Record<string, string> = {
    clientId: 'clients',
    propertyId: 'properties',
    laundryOrderId: 'laundry-orders',
    cleaningJobId: 'cleaning-jobs',
    serviceId: 'laundry-services',
    workerId: 'worker',
    assigneeId: 'worker',
    paymentId: 'payments',
    workerIds: 'worker',
  };
  function withFixtureIds(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withFixtureIds);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const id = ID_FIELDS[k] ? fixtures.ids[ID_FIELDS[k]] : undefined;
        if (id !== undefined) return [k, Array.isArray(v) ? [id] : id];
        return [k, withFixtureIds(v)];
      }),
    );
  }

  /** Each way of putting one hostile value into a body built from plausible values (nested objects too). */
  function bodyVariants(schema: Schema | undefined): Array<{ where: string; body: unknown }> {
    const s = resolve(schema);
    const base = withFixtureIds(plausible(s));
    const out: Array<{ where: string; body: unknown }> = [];
    const walk = (node: Schema, trail: Array<string | number>) => {
      const r = resolve(node);
      const type = typeOf(r);
      if (type === 'object' && r.properties) {
        for (const [k, v] of Object.entries(r.properties)) walk(v, [...trail, k]);
        return;
      }
      if (type === 'array' && resolve(r.items).properties) {
        walk(r.items!, [...trail, 0]);
        return;
      }
      for (const value of hostile(r)) out.push({ where: trail.join('.'), body: setAt(structuredClone(base), trail, value) });
    };
    walk(s, []);
    return out;
  }

  function setAt(target: unknown, trail: Array<string | number>, value: unknown): unknown {
    if (!trail.length) return value;
    let node = target as Record<string | number, unknown>;
    for (const [i, key] of trail.slice(0, -1).entries()) {
      // An example may leave out an optional nested object; build it so the value has somewhere to go.
      if (!node[key] || typeof node[key] !== 'object') node[key] = typeof trail[i + 1] === 'number' ? [] : {};
      node = node[key] as Record<string | number, unknown>;
    }
    node[trail.at(-1)!] = value;
    return target;
  }

  function callerFor(access: unknown): Agent {
    if (access === 'public') return agents.get('anonymous')!;
    if (access === 'authenticated') return agents.get('master')!;
    const roles = access as string[];
    for (const role of ['master', 'worker', 'client']) if (roles.includes(role)) return agents.get(role)!;
    return agents.get('master')!;
  }

  function idFor(routePath: string, name: string): string {
    if (name === 'kind') return 'clients';
    const resource = routePath.split('/')[2]!;
    return String(fixtures.ids[name] ?? fixtures.ids[resource] ?? 1);
  }

  it('when the probe\'s requests are replayed, then each is a 400 VALIDATION_FAILED naming the field, and no false alarm is logged', async () => {
    const master = agents.get('master')!;
    const cases: Array<[string, Promise<supertest.Response>, string]> = [
      ['NUL in a client phone', t.request.post('/api/auth/login/client').send({ phone: '91111\u00001111', password: 'x' }), 'body.phone'],
      ['NUL in a username', t.request.post('/api/auth/login/user').send({ username: 'mas\u0000ter', password: 'x' }), 'body.username'],
      ['NUL in a search', master.get(`/api/clients?search=${encodeURIComponent('Maria\u0000')}`), 'query.search'],
      ['NUL in notes', master.post('/api/tickets').send({ title: 'Torneira', description: 'pinga\u0000', priority: 'low' }), 'body.description'],
      ['lone surrogate in a name', master.post('/api/tickets').send({ title: 'T\uD800', description: 'x', priority: 'low' }), 'body.title'],
      ['30 February', master.get('/api/laundry-orders?from=2026-02-30'), 'query.from'],
      ['year zero', master.get('/api/cleaning-jobs?to=0000-01-01'), 'query.to'],
      ['year zero in an audit filter', master.get('/api/audit-log?from=0000-01-01'), 'query.from'],
      ['a path that is not UTF-8', master.get('/api/users/%ED%A0%80'), 'params'],
    ];
    for (const [what, pending, field] of cases) {
      const res = await pending;
      expect(res.status, what).toBe(400);
      expect(res.body.error.code, what).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: { path: string }) => d.path), what).toContain(field);
    }
    expect(t.logs.text()).not.toMatch(/rate-limit store unavailable/);
    expect(t.logs.lines.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });

  it('when every route gets NUL bytes, lone surrogates, long strings, impossible dates and huge numbers, then none answers 5xx', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const entry of t.built.routes) {
      if (entry.path === '/api/auth/logout') continue;
      const operation = doc.paths[entry.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[entry.method];
      if (!operation) continue;
      const agent = callerFor(entry.access);
      const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path');
      const queryParams = (operation.parameters ?? []).filter((p) => p.in === 'query');
      const content = operation.requestBody?.content ?? {};
      const multipart = Boolean(content['multipart/form-data']);
      const bodySchema = (content['application/json'] ?? content['multipart/form-data'])?.schema;
      const plainPath = (override: Record<string, string> = {}) =>
        entry.path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => override[name] ?? idFor(entry.path, name));
      const plainQuery: Record<string, string> = {};
      const plainBody = bodySchema ? withFixtureIds(plausible(bodySchema)) : undefined;

      const attempts: Array<{ label: string; path: string; query: Record<string, string>; body: unknown }> = [];
      for (const p of pathParams)
        for (const bad of ['%00', '%ED%A0%80', '99999999999999999999', '2147483648', '-1', 'x'.repeat(10_240)])
          attempts.push({ label: `path ${p.name}=${bad.slice(0, 20)}`, path: plainPath({ [p.name]: bad }), query: plainQuery, body: plainBody });
      for (const p of queryParams)
        for (const bad of hostile(p.schema))
          attempts.push({ label: `query ${p.name}=${JSON.stringify(bad).slice(0, 30)}`, path: plainPath(), query: { ...plainQuery, [p.name]: String(bad) }, body: plainBody });
      if (bodySchema)
        for (const { where, body } of bodyVariants(bodySchema))
          attempts.push({ label: `body ${where}`, path: plainPath(), query: plainQuery, body });

      for (const attempt of attempts) {
        let req = agent[entry.method](`${attempt.path}?${queryString(attempt.query)}`);
        if (multipart && attempt.body && typeof attempt.body === 'object') {
          for (const [k, v] of Object.entries(attempt.body as Record<string, unknown>)) req = req.field(k, typeof v === 'string' ? v : JSON.stringify(v));
        } else if (entry.method !== 'get' && entry.method !== 'delete') req = req.send(attempt.body as object);
        const res = await req;
        sent += 1;
        if (res.status >= 500) failures.push(`${entry.method.toUpperCase()} ${entry.path} ${attempt.label}: ${res.status} ${res.body?.error?.code ?? ''}`);
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
    // A few thousand requests: minutes on a loaded machine.
  }, 600_000);
});
