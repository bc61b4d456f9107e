import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import type pg from 'pg';
import type { Config, SessionKind } from '../../config/config.js';
import type { Logger } from '../../lib/logger.js';
import { serviceUnavailable } from '../../lib/app-error.js';
import { requestContext } from '../../lib/request-context.js';
import type { Clock } from '../../lib/clock.js';
import type { SessionAuth } from '../express.js';

export type SessionStore = session.Store & { close(): void };

export function sessionKindOf(role: SessionAuth['role']): SessionKind {
  if (role === 'client') return 'client';
  if (role === 'worker') return 'worker';
  return 'staff';
}

/**
 * How often at most a session's rolling idle expiry is written back. Touching it on every request was
 * an UPDATE, and a round trip the answer waited for, per request. The stored expiry now lags the last
 * request by at most this long, so an idle session ends at most a minute before its full idle timeout
 * (timeouts are hours); the cookie's own expiry still rolls with every answer.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

export function createSessionStore(pool: pg.Pool, config: Config, logger: Logger, clock: Clock): SessionStore {
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    pool,
    tableName: 'session',
    // The table comes from a migration; creating it at run time races between instances.
    createTableIfMissing: false,
    pruneSessionInterval: config.session.pruneIntervalSeconds > 0 ? config.session.pruneIntervalSeconds : false,
    errorLog: (...args: unknown[]) => logger.error({ detail: args.map(String).join(' ') }, '❌ Session store error'),
  }) as unknown as SessionStore;
  return withThrottledTouch(store, clock, SESSION_TOUCH_INTERVAL_MS);
}

/**
 * Skips a touch when this instance wrote the session's expiry less than `intervalMs` ago (a save or a
 * touch). Per instance: behind a proxy each instance touches at most once per interval, still exact
 * enough. The memory is one entry per session active within the last interval.
 */
function withThrottledTouch(store: SessionStore, clock: Clock, intervalMs: number): SessionStore {
  const writtenAt = new Map<string, number>();
  const { touch, set, destroy, close } = store;
  const now = () => clock.now().getTime();
  store.touch = (sid, sess, callback) => {
    const last = writtenAt.get(sid);
    if (last !== undefined && now() - last < intervalMs) return callback?.();
    writtenAt.set(sid, now());
    touch!.call(store, sid, sess, ((err?: unknown) => {
      if (err) writtenAt.delete(sid);
      // express-session's touch callback takes the error, though its types say otherwise.
      (callback as ((err?: unknown) => void) | undefined)?.(err);
    }) as () => void);
  };
  store.set = (sid, sess, callback) => {
    writtenAt.set(sid, now());
    set.call(store, sid, sess, callback);
  };
  store.destroy = (sid, callback) => {
    writtenAt.delete(sid);
    destroy.call(store, sid, callback);
  };
  const sweep = setInterval(() => {
    const cutoff = now() - intervalMs;
    for (const [sid, at] of writtenAt) if (at < cutoff) writtenAt.delete(sid);
  }, intervalMs);
  sweep.unref();
  store.close = () => {
    clearInterval(sweep);
    writtenAt.clear();
    close.call(store);
  };
  return store;
}

/**
 * express-session on PostgreSQL: no session for anonymous traffic, rolling idle expiry (the cookie's
 * maxAge is set per role at login), `Secure` from the request (`COOKIE_SECURE=auto` + trust proxy), and
 * the secret as a list so a rotation keeps old cookies valid.
 */
export function sessionMiddleware(store: SessionStore, config: Config): RequestHandler {
  const secure = config.session.cookieSecure;
  if (secure !== 'auto') return sessionFor(store, config, sessionCookieName(config, secure), secure);
  // COOKIE_SECURE=auto: HTTPS (direct or through the trusted proxy) gets the `__Host-` cookie, plain HTTP
  // (the runbook's curl on the host, development) the plain one; each request is served by one of the two.
  // Both keep `secure: 'auto'`: express-session installs its cookie factory on the shared store, so the
  // two instances must build identical cookies apart from the name.
  const overHttps = sessionFor(store, config, sessionCookieName(config, true), 'auto');
  const overHttp = sessionFor(store, config, sessionCookieName(config, false), 'auto');
  return (req, res, next) => (req.secure ? overHttps : overHttp)(req, res, next);
}

/**
 * The session cookie's name for a request: `__Host-` prefixed whenever the cookie is Secure, so a browser
 * accepts it only from this exact host over HTTPS with `Path=/` (a sibling subdomain or a plain-HTTP
 * answer cannot plant or overwrite it); the plain name on plain HTTP, where the prefix would be refused.
 */
export function sessionCookieName(config: Config, secure: boolean): string {
  return secure ? `__Host-${config.session.cookieName}` : config.session.cookieName;
}

/** Whether a request's session cookie is the Secure one. */
export function sessionCookieIsSecure(config: Config, req: Request): boolean {
  return config.session.cookieSecure === 'auto' ? req.secure : config.session.cookieSecure;
}

function sessionFor(store: SessionStore, config: Config, name: string, secure: boolean | 'auto'): RequestHandler {
  return session({
    store,
    name,
    secret: config.session.secrets,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    // 'keep', never 'destroy': express-session destroys the stored session at the end of any request that
    // has a session id but no session object, which is also every request whose lookup failed (a busy pool,
    // a dropped connection). A database hiccup would sign people out. Signing out destroys explicitly.
    unset: 'keep',
    proxy: config.trustProxy > 0 ? true : undefined,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: config.session.idleMinutes.staff * 60_000,
    },
  });
}

/**
 * Turns the session into the request's actor, and ends a session past its absolute lifetime even if it
 * has been active all along (express-session has no absolute timeout of its own).
 */
export function loadActor(config: Config, clock: Clock): RequestHandler {
  return (req, _res, next) => {
    if (!req.session) throw serviceUnavailable('SESSION_STORE_UNAVAILABLE', 'Sessions are temporarily unavailable.');
    const auth = req.session.auth;
    if (!auth) return next();
    const maxMs = config.session.absoluteHours[sessionKindOf(auth.role)] * 3_600_000;
    if (clock.now().getTime() - auth.authenticatedAt > maxMs) {
      req.session.destroy(() => next());
      return;
    }
    req.actor = { type: auth.type, id: auth.id, role: auth.role };
    const ctx = requestContext.get();
    if (ctx) ctx.actor = req.actor;
    next();
  };
}
