import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { SESSION_TOUCH_INTERVAL_MS } from '../../src/http/middleware/session.js';

/** Rolling idle expiry, written back at most once per SESSION_TOUCH_INTERVAL_MS per session. */
describe('session expiry touch', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    t.clock.set(new Date());
    await t.close();
  });

  /** Seconds from now until the stored expiry of the (only) worker session. */
  async function storedLeft(): Promise<number> {
    const { rows } = await t.db.query<{ seconds: number }>(
      `SELECT extract(epoch FROM expire - now())::int AS seconds FROM session WHERE (sess -> 'auth' ->> 'role') = 'worker'`,
    );
    expect(rows).toHaveLength(1);
    return rows[0]!.seconds;
  }

  it('when requests follow each other, then the stored expiry is rolled once per interval, not on every request', async () => {
    const idleSeconds = t.config.session.idleMinutes.worker * 60;
    const agent = await t.signIn('worker');
    // Shorten the stored expiry so a touch shows as a jump back to the full idle timeout.
    await t.db.query(`UPDATE session SET expire = now() + interval '10 minutes' WHERE (sess -> 'auth' ->> 'role') = 'worker'`);

    // Within the interval of the sign-in's write: the requests pass and nothing is written.
    for (let i = 0; i < 3; i++) expect((await agent.get('/api/auth/session')).status).toBe(200);
    expect(Math.abs((await storedLeft()) - 600)).toBeLessThan(30);

    // Past the interval: the next request rolls the expiry to the full idle timeout again.
    t.clock.advance(SESSION_TOUCH_INTERVAL_MS + 1000);
    expect((await agent.get('/api/auth/session')).status).toBe(200);
    expect(Math.abs((await storedLeft()) - idleSeconds)).toBeLessThan(60);

    // And a session whose stored expiry has passed still ends, touched recently or not.
    await t.db.query(`UPDATE session SET expire = now() - interval '1 second' WHERE (sess -> 'auth' ->> 'role') = 'worker'`);
    expect((await agent.get('/api/auth/session')).status).toBe(401);
  });
});
