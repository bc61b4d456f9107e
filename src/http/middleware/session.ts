import type { RequestHandler } from 'express';
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

export function createSessionStore(pool: pg.Pool, config: Config, logger: Logger): SessionStore {
  const PgStore = connectPgSimple(session);
  return new PgStore({
    pool,
    tableName: 'session',
    // The table comes from a migration; creating it at run time races between instances.
    createTableIfMissing: false,
    pruneSessionInterval: config.session.pruneIntervalSeconds > 0 ? config.session.pruneIntervalSeconds : false,
    errorLog: (...args: unknown[]) => logger.error({ detail: args.map(String).join(' ') }, '❌ Session store error'),
  }) as unknown as SessionStore;
}

/**
 * express-session on PostgreSQL: no session for anonymous traffic, rolling idle expiry (the cookie's
 * maxAge is set per role at login), `Secure` from the request (`COOKIE_SECURE=auto` + trust proxy), and
 * the secret as a list so a rotation keeps old cookies valid.
 */
export function sessionMiddleware(store: SessionStore, config: Config): RequestHandler {
  return session({
    store,
    name: config.session.cookieName,
    secret: config.session.secrets,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    unset: 'destroy',
    proxy: config.trustProxy > 0 ? true : undefined,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.session.cookieSecure,
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
