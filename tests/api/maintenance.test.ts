import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createMaintenance } from '../../src/jobs/maintenance.js';

describe('maintenance pruning', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('when records have expired, then only those are removed, and a second run removes nothing', async () => {
    const now = new Date('2026-05-01T12:00:00Z');
    await t.db.query(`INSERT INTO session (sid, sess, expire) VALUES ('old', '{}', $1), ('live', '{}', $2)`, [
      new Date(now.getTime() - 1000),
      new Date(now.getTime() + 3_600_000),
    ]);
    await t.db.query(`INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES ('user:1', 'old-key-000', 'h', $1), ('user:1', 'new-key-000', 'h', $2)`, [
      new Date(now.getTime() - 25 * 3_600_000),
      new Date(now.getTime() - 3_600_000),
    ]);
    await t.db.query(`INSERT INTO rate_limits (key, points, expire) VALUES ('login-ip:old', 3, $1), ('login-ip:live', 3, $2)`, [
      now.getTime() - 1,
      now.getTime() + 60_000,
    ]);
    const clock = { now: () => now };
    const maintenance = createMaintenance({ db: t.db, clock, logger: pino({ level: 'silent' }), idempotencyTtlHours: 24 });
    const first = await maintenance.prune();
    expect(first.sessions).toBeGreaterThanOrEqual(1);
    expect(first).toMatchObject({ idempotencyKeys: 1, rateLimits: 1 });
    expect((await t.db.query(`SELECT sid FROM session WHERE sid IN ('old', 'live')`)).rows).toEqual([{ sid: 'live' }]);
    expect((await t.db.query(`SELECT key FROM idempotency_keys WHERE key LIKE '%-key-000'`)).rows).toEqual([{ key: 'new-key-000' }]);
    expect((await t.db.query(`SELECT key FROM rate_limits WHERE key LIKE 'login-ip:%'`)).rows).toEqual([{ key: 'login-ip:live' }]);
    expect(await maintenance.prune()).toEqual({ sessions: 0, idempotencyKeys: 0, rateLimits: 0 });
  });
});
