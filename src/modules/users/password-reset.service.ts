import crypto from 'node:crypto';
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { Actor } from '../../lib/request-context.js';
import { AppError, conflict, notFound } from '../../lib/app-error.js';
import { normalizePhone } from '../../lib/phone.js';
import { createAuthRepository } from '../auth/auth.repository.js';
import { assertPasswordPolicy, type PasswordHasher } from '../auth/password.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService, NotifyResult } from '../notifications/notifications.service.js';
import { endAccountSessions } from './account-sessions.js';
import type { PasswordResetRepository } from './password-reset.repository.js';

const invalidToken = () => new AppError(400, 'RESET_TOKEN_INVALID', 'This reset link is not valid: it expired, was already used or was replaced by a newer one.');

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface PasswordResetDeps {
  repo: PasswordResetRepository;
  db: Db;
  pool: pg.Pool;
  clock: Clock;
  logger: Logger;
  hasher: PasswordHasher;
  audit: AuditService;
  notifications: NotificationsService;
  config: Pick<Config, 'appBaseUrl' | 'passwordReset' | 'rateLimit'>;
}

/**
 * Password reset without staff (an e-mailed link, when mail is configured) and with staff (a one-time
 * link they hand to a client who has no e-mail). Tokens are 256-bit random values kept only as SHA-256
 * hashes; each is single use, expires, and a newer one replaces an older one. The link carries the token
 * in the URL fragment, which browsers never send to a server or put in a Referer.
 */
export function createPasswordResetService({ repo, db, pool, clock, logger, hasher, audit, notifications, config }: PasswordResetDeps) {
  const common = { storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true, clearExpiredByTimeout: false };
  const perIdentifier = new RateLimiterPostgres({ ...common, keyPrefix: 'pwreset-account', points: config.passwordReset.rateLimitMax, duration: config.passwordReset.rateLimitWindowSeconds });
  const perIp = new RateLimiterPostgres({ ...common, keyPrefix: 'pwreset-ip', points: config.passwordReset.rateLimitMax * 4, duration: config.passwordReset.rateLimitWindowSeconds });

  async function throttle(identifier: string, ip: string): Promise<void> {
    try {
      await Promise.all([perIdentifier.consume(identifier.toLowerCase()), perIp.consume(ip)]);
    } catch (res) {
      if (res instanceof RateLimiterRes) {
        const retryAfter = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
        logger.warn({ retryAfterSeconds: retryAfter }, `🚫 [RATE-LIMIT] Password reset requests blocked for ${retryAfter}s`);
        throw new AppError(429, 'RATE_LIMIT_EXCEEDED', 'Too many reset requests. Try again later.', { retryAfterSeconds: retryAfter }, { 'Retry-After': String(retryAfter) });
      }
      logger.error({ err: res }, '❌ Password reset rate-limit store unavailable');
      if (!config.rateLimit.failOpen) throw new AppError(503, 'RATE_LIMIT_UNAVAILABLE', 'Password reset is temporarily unavailable.', undefined, { 'Retry-After': '5' });
    }
  }

  const newToken = () => crypto.randomBytes(32).toString('base64url');
  const linkFor = (token: string) => `${config.appBaseUrl}/reset-password#token=${token}`;

  return {
    emailResetAvailable: () => notifications.mailEnabled,

    /**
     * "Forgot password": e-mails a link to every active account the identifier names that has an
     * address. The caller learns nothing either way (the route always answers 202).
     */
    async requestByEmail(identifier: string, ip: string): Promise<void> {
      await throttle(identifier, ip);
      if (!notifications.mailEnabled) {
        logger.warn({ event: 'password_reset.requested', delivered: false }, '⚠️ Password reset requested but e-mail is not configured');
        return;
      }
      const phone = identifier.includes('@') ? null : normalizePhone(identifier);
      const lookup = identifier.includes('@') ? { email: identifier } : phone ? { phone } : { username: identifier };
      const at = clock.now();
      const expiresAt = new Date(at.getTime() + config.passwordReset.emailTtlMinutes * 60_000);
      const results: NotifyResult[] = [];
      await db.transaction(async (tx) => {
        for (const account of await repo.accountsFor(tx, lookup)) {
          if (!account.email) continue;
          const token = newToken();
          await repo.issue(tx, account.type, account.id, hashToken(token), 'email', null, at, expiresAt);
          results.push(
            await notifications.notify(tx, {
              to: { type: account.type, id: account.id },
              type: 'password.reset_link',
              params: { expiresAt: expiresAt.toISOString() },
              secrets: { link: linkFor(token) },
            }),
          );
        }
      });
      await notifications.dispatch(results);
      logger.info({ event: 'password_reset.requested', mailed: results.length }, '✅ Password reset request handled');
    },

    /** A one-time link for staff to hand over (a client without e-mail); shown once. */
    async createClientLink(actor: Actor, clientId: number): Promise<{ url: string; expiresAt: string }> {
      const at = clock.now();
      const expiresAt = new Date(at.getTime() + config.passwordReset.linkTtlHours * 3_600_000);
      const token = newToken();
      await db.transaction(async (tx) => {
        const account = await repo.account(tx, 'client', clientId);
        if (!account) throw notFound('No such client.');
        if (!account.is_active) throw conflict('ACCOUNT_INACTIVE', 'Reactivate the client before creating a reset link.');
        await repo.issue(tx, 'client', clientId, hashToken(token), 'staff_link', actor.type === 'user' ? actor.id : null, at, expiresAt);
        await audit.record(tx, { action: 'create_reset_link', entity: 'client', entityId: clientId, extraFields: ['resetLink'] });
      });
      return { url: linkFor(token), expiresAt: expiresAt.toISOString() };
    },

    /** Sets a new password with a token: single use, every session of the account ends. */
    async reset(token: string, newPassword: string): Promise<void> {
      await db.transaction(async (tx) => {
        const row = await repo.claim(tx, hashToken(token));
        if (!row || row.used_at || row.expires_at.getTime() <= clock.now().getTime()) throw invalidToken();
        const type = row.user_id !== null ? 'user' : 'client';
        const id = (row.user_id ?? row.client_id)!;
        const account = await repo.account(tx, type, id);
        if (!account || !account.is_active) throw invalidToken();
        assertPasswordPolicy(newPassword, [account.username ?? '', account.phone ?? ''].filter(Boolean));
        // Hashed only once the token is known good, so invalid tokens cost no argon2 work.
        const hash = await hasher.hash(newPassword);
        const at = clock.now();
        await createAuthRepository(tx).setPassword(type, id, hash, at);
        await repo.markUsed(tx, row.id, at);
        await endAccountSessions(tx, type, id);
        await audit.record(tx, { action: 'reset_password_by_link', entity: type, entityId: id, extraFields: ['password'], actor: { type, id } });
      });
      logger.info({ event: 'password_reset.completed' }, '✅ Password reset with a link');
    },

    prune: () => repo.pruneExpired(db, new Date(clock.now().getTime() - 7 * 86_400_000)),

    // --- GDPR ---------------------------------------------------------------------------------------
    async exportClient(q: Parameters<PasswordResetRepository['forClient']>[0], clientId: number) {
      return (await repo.forClient(q, clientId)).map((t) => ({
        channel: t.channel,
        createdAt: t.created_at.toISOString(),
        expiresAt: t.expires_at.toISOString(),
        usedAt: t.used_at?.toISOString() ?? null,
      }));
    },
    anonymiseClient: (tx: Parameters<PasswordResetRepository['deleteForClient']>[0], clientId: number) => repo.deleteForClient(tx, clientId),
  };
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
