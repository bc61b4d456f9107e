import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

type Agent = ReturnType<typeof supertest.agent>;
type SettingItem = { key: string; value: unknown; version: number; isDefault: boolean };

describe('settings', () => {
  let t: TestApp;
  let master: Agent;
  let admin: Agent;
  const byKey = (items: SettingItem[]) => Object.fromEntries(items.map((s) => [s.key, s]));

  beforeAll(async () => {
    t = await createTestApp();
    master = await t.signIn('master');
    admin = await t.signIn('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('when nothing was ever set, then the defaults of PRODUCT §3–4 come back as integers', async () => {
    const res = await admin.get('/api/settings');
    expect(res.status).toBe(200);
    const s = byKey(res.body.data);
    expect(s.vatRateBasisPoints).toMatchObject({ value: 2300, isDefault: true, version: 0 });
    expect(s.deliveryFeeCents!.value).toBe(500);
    expect(s.cleaningHourlyRateCents!.value).toBe(1500);
    expect(s.billingIncrementMinutes!.value).toBe(30);
  });

  it('when the master changes settings, then every instance reads the new value at once; an admin cannot change them', async () => {
    const denied = await admin.patch('/api/settings').send({ deliveryFeeCents: { value: 700, version: 0 } });
    expect(denied.status).toBe(403);
    const res = await master.patch('/api/settings').send({ deliveryFeeCents: { value: 650, version: 0 }, companyIban: { value: 'PT50 0002 0123 1234 5678 9015 4', version: 0 } });
    expect(res.status).toBe(200);
    const s = byKey(res.body.data);
    expect(s.deliveryFeeCents).toMatchObject({ value: 650, version: 1, isDefault: false });
    expect(s.companyIban!.value).toBe('PT50000201231234567890154');
    // A second app over the same database (another instance) sees it without any cache to expire.
    const { createApp } = await import('../../src/app.js');
    const other = createApp({ config: t.config, logger: (await import('../../src/lib/logger.js')).createLogger({ level: 'silent', pretty: false }), db: t.db, clock: t.clock, readiness: t.readiness, version: 'test', clientDist: null });
    const supertestModule = (await import('supertest')).default;
    const agent = supertestModule.agent(other.app);
    await agent.post('/api/auth/login/user').send({ username: 'admin', password: 'admin123' });
    expect(byKey((await agent.get('/api/settings')).body.data).deliveryFeeCents!.value).toBe(650);
    other.close();
  });

  it('when a value is not valid for its key, then 400 naming the key and nothing changes', async () => {
    const before = byKey((await master.get('/api/settings')).body.data);
    for (const body of [
      { vatRateBasisPoints: { value: 23.5, version: 0 } },
      { deliveryFeeCents: { value: -1, version: before.deliveryFeeCents!.version } },
      { companyIban: { value: 'PT50 0000', version: 0 } },
      { unknownKey: { value: 1, version: 0 } },
    ]) {
      const res = await master.patch('/api/settings').send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect(byKey((await master.get('/api/settings')).body.data).vatRateBasisPoints!.value).toBe(2300);
  });

  it('when two edits start from the same version, then the second is 409 and the first value stays', async () => {
    const current = byKey((await master.get('/api/settings')).body.data).cleaningHourlyRateCents!;
    expect((await master.patch('/api/settings').send({ cleaningHourlyRateCents: { value: 1600, version: current.version } })).status).toBe(200);
    const late = await master.patch('/api/settings').send({ cleaningHourlyRateCents: { value: 1700, version: current.version }, billingIncrementMinutes: { value: 15, version: 0 } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('VERSION_CONFLICT');
    const after = byKey((await master.get('/api/settings')).body.data);
    expect(after.cleaningHourlyRateCents!.value).toBe(1600);
    // All or nothing: the other key in the refused edit did not change either.
    expect(after.billingIncrementMinutes!.value).toBe(30);
  });

  it('when a setting changes, then the audit log keeps its old and new value', async () => {
    const current = byKey((await master.get('/api/settings')).body.data).vatRateBasisPoints!;
    await master.patch('/api/settings').send({ vatRateBasisPoints: { value: 600, version: current.version } });
    const log = await master.get('/api/audit-log?entity=setting&entityId=vatRateBasisPoints');
    expect(log.body.data[0]).toMatchObject({ action: 'update', changedFields: ['vatRateBasisPoints'], before: { vatRateBasisPoints: 2300 }, after: { vatRateBasisPoints: 600 } });
  });
});
