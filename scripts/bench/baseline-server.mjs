// The bare baseline for the list benchmark: node:http + pg, no framework. For each request it does what
// the application's stack must do at the least — read the signed session cookie, look the session up and
// roll its expiry at most once a minute per session (the same statements connect-pg-simple runs, under the
// same rule as the application's SESSION_TOUCH_INTERVAL_MS), then run the very same list SQL (the
// laundry repository of the production build, on a plain pg pool) and answer JSON. Whatever the real
// server costs above this is the overhead of our HTTP stack (middleware, validation, mapping, envelope).
//
//   node scripts/bench/baseline-server.mjs   (env: PORT, DB_*, SESSION_SECRET; prints "listening <port>")
import crypto from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { benchConnectionFromEnv, importBuilt } from './support.mjs';

const { createLaundryRepository } = await importBuilt('modules/laundry/laundry.repository.js');
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

const secret = process.env.SESSION_SECRET ?? '';
const cookieName = process.env.SESSION_COOKIE_NAME ?? 'lavandaria.sid';
const idleMs = Number(process.env.SESSION_IDLE_MINUTES_STAFF ?? 120) * 60_000;
const pool = new pg.Pool({ ...benchConnectionFromEnv(), max: Number(process.env.DB_POOL_MAX ?? 10) });
// The repository asks for some statements to be prepared (named, planned once per connection), as the
// server's database layer does; the baseline honours that too, so both run the very same plans.
const { statementName } = await importBuilt('db/pool.js');
const db = {
  query: (text, values, options) => (options?.prepare ? pool.query({ name: statementName(text), text, values }) : pool.query(text, values)),
};
const repo = createLaundryRepository(db);
const TOUCH_INTERVAL_MS = 60_000;
const touchedAt = new Map();

/** express-session's cookie: `s:<sid>.<base64 HMAC-SHA256 without padding>`. */
function sessionId(cookieHeader) {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== cookieName) continue;
    const value = decodeURIComponent(rest.join('='));
    if (!value.startsWith('s:')) return null;
    const signed = value.slice(2);
    const dot = signed.lastIndexOf('.');
    const sid = signed.slice(0, dot);
    const expected = crypto.createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, '');
    const given = signed.slice(dot + 1);
    if (given.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return null;
    return sid;
  }
  return null;
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://x');
    if (url.pathname !== '/api/laundry-orders') {
      res.writeHead(404).end();
      return;
    }
    const sid = sessionId(req.headers.cookie);
    const found = sid ? await pool.query('SELECT sess FROM "session" WHERE sid = $1 AND expire >= to_timestamp($2)', [sid, Date.now() / 1000]) : null;
    if (!found?.rows[0]?.sess?.auth) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"UNAUTHENTICATED"}');
      return;
    }
    if (!(Date.now() - (touchedAt.get(sid) ?? 0) < TOUCH_INTERVAL_MS)) {
      touchedAt.set(sid, Date.now());
      await pool.query('UPDATE "session" SET expire = to_timestamp($1) WHERE sid = $2 RETURNING sid', [(Date.now() + idleMs) / 1000, sid]);
    }
    const p = url.searchParams;
    const page = await repo.listOrders(
      { status: p.get('status')?.split(','), q: p.get('q') ?? undefined, clientId: p.get('clientId') ? Number(p.get('clientId')) : undefined },
      { limit: Number(p.get('limit') ?? 50), offset: Number(p.get('offset') ?? 0), cursor: p.get('cursor') ?? undefined, sort: p.get('sort') ?? '-createdAt' },
    );
    const body = JSON.stringify({ data: page.items, _meta: { ...page.page, count: page.items.length } });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err?.message ?? err));
  }
});

server.listen(Number(process.env.PORT ?? 3100), '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
