import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { normalizePhone } from '../../lib/phone.js';
import type { PrincipalDto, UpdateProfileInput } from '../../contracts/auth.js';
import type { Db } from '../../db/pool.js';
import type { AuditService } from '../audit/audit.service.js';
import { createAuthRepository, type AccountRow, type AuthRepository } from './auth.repository.js';
import { accountKey as throttleAccountKey, ipKey as throttleIpKey, type LoginThrottle } from './login-throttle.js';
import { assertPasswordPolicy, isLegacyHash, type PasswordHasher } from './password.js';

const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'Wrong username, phone or password.');

export function principalKey(type: 'user' | 'client', id: number): string {
  return `${type}:${id}`;
}

export function toPrincipal(row: AccountRow): PrincipalDto {
  return {
    id: row.id,
    type: row.type,
    role: row.role,
    name: row.name,
    username: row.username,
    phone: row.phone,
    locale: row.locale,
    mustChangePassword: row.must_change_password,
  };
}

export interface AuthServiceDeps {
  db: Db;
  audit: AuditService;
  repo: AuthRepository;
  hasher: PasswordHasher;
  throttle: LoginThrottle;
  clock: Clock;
  logger: Logger;
}

export function createAuthService({ db, audit, repo, hasher, throttle, clock, logger }: AuthServiceDeps) {
  /**
   * One path for every failure — unknown account, wrong password, inactive account — with the same
   * answer and the same work (a hash verification), so neither the response nor its timing tells
   * which it was (ASVS 6.3.8).
   */
  async function authenticate(
    kind: 'user' | 'client',
    normalisedIdentifier: string,
    account: AccountRow | undefined,
    password: string,
    ip: string,
  ): Promise<PrincipalDto> {
    const accountKey = throttleAccountKey(kind, account, normalisedIdentifier);
    const ipKey = throttleIpKey(ip);
    await throttle.assertAllowed(accountKey, ipKey);
    const passwordOk = await hasher.verify(account?.password_hash, password);
    if (!account || !passwordOk || !account.is_active) {
      await throttle.recordFailure(accountKey, ipKey);
      logger.warn(
        { event: 'auth.login.failed', kind, reason: !account ? 'unknown' : !passwordOk ? 'password' : 'inactive' },
        `⚠️ Sign-in failed (${kind})`,
      );
      throw invalidCredentials();
    }
    await throttle.recordSuccess(accountKey);
    await repo.recordLogin(kind, account.id, clock.now());
    logger.info({ event: 'auth.login.succeeded', kind, accountId: account.id, role: account.role }, `✅ Signed in (${account.role})`);
    return isLegacyHash(account.password_hash) ? upgradeLegacyPassword(account, password) : toPrincipal(account);
  }

  /**
   * An account imported from the earlier system signs in with its old password once: the bcrypt hash is
   * replaced with Argon2id, and a password today's policy refuses must be changed before anything else.
   */
  async function upgradeLegacyPassword(account: AccountRow, password: string): Promise<PrincipalDto> {
    let policyOk = true;
    try {
      assertPasswordPolicy(password, [account.username ?? '', account.phone ?? ''].filter(Boolean));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      policyOk = false;
    }
    await repo.upgradeHash(account.type, account.id, account.password_hash, await hasher.hash(password), !policyOk);
    logger.info({ event: 'auth.password.upgraded', kind: account.type, accountId: account.id, mustChange: !policyOk }, '✅ Imported password upgraded to Argon2id');
    return toPrincipal({ ...account, must_change_password: account.must_change_password || !policyOk });
  }

  return {
    async loginUser(username: string, password: string, ip: string): Promise<PrincipalDto> {
      // The schema let through only the username alphabet (ASCII), so lower-casing here and in PostgreSQL agree.
      const account = await repo.findUserByUsername(username);
      return authenticate('user', username.toLowerCase(), account, password, ip);
    },

    async loginClient(phoneInput: string, password: string, ip: string): Promise<PrincipalDto> {
      const phone = normalizePhone(phoneInput);
      const account = phone ? await repo.findClientByPhone(phone) : undefined;
      // Every way of writing one number (spaces, 00351, no prefix) counts under its E.164 form.
      return authenticate('client', phone ?? `unparsed:${phoneInput.trim()}`, account, password, ip);
    },

    async currentPrincipal(type: 'user' | 'client', id: number): Promise<PrincipalDto | undefined> {
      const row = await repo.findAccount(type, id);
      return row && row.is_active ? toPrincipal(row) : undefined;
    },

    /**
     * Changes the password and ends every other session of the account (ASVS 7.4.3). A wrong current
     * password counts against the same account and address limits as a failed sign-in, so a stolen
     * session cannot be used to guess it (issue 16 §3).
     */
    async changePassword(
      type: 'user' | 'client',
      id: number,
      currentPassword: string,
      newPassword: string,
      currentSid: string,
      ip: string,
    ): Promise<PrincipalDto> {
      const account = await repo.findAccount(type, id);
      if (!account || !account.is_active) throw new AppError(401, 'UNAUTHENTICATED', 'Sign in to continue.');
      const accountKey = throttleAccountKey(type, account, '');
      const ipKey = throttleIpKey(ip);
      await throttle.assertAllowed(accountKey, ipKey);
      if (!(await hasher.verify(account.password_hash, currentPassword))) {
        await throttle.recordFailure(accountKey, ipKey);
        logger.warn({ event: 'auth.password.change_failed', kind: type, accountId: id }, '⚠️ Password change refused: wrong current password');
        throw new AppError(400, 'CURRENT_PASSWORD_INCORRECT', 'The current password is not correct.');
      }
      await throttle.recordSuccess(accountKey);
      if (currentPassword === newPassword) {
        throw new AppError(400, 'PASSWORD_UNCHANGED', 'The new password must be different from the current one.');
      }
      assertPasswordPolicy(newPassword, [account.username ?? '', account.phone ?? ''].filter(Boolean));
      const passwordHash = await hasher.hash(newPassword);
      const ended = await db.transaction(async (tx) => {
        const txRepo = createAuthRepository(tx);
        await txRepo.setPassword(type, id, passwordHash, clock.now());
        await audit.record(tx, {
          action: 'change_password',
          entity: type,
          entityId: id,
          before: { mustChangePassword: account.must_change_password },
          after: { mustChangePassword: false },
          valueFields: ['mustChangePassword'],
          extraFields: ['password'],
        });
        return txRepo.endSessions(principalKey(type, id), currentSid);
      });
      logger.info({ event: 'auth.password.changed', type, accountId: id, otherSessionsEnded: ended }, '✅ Password changed');
      return { ...toPrincipal(account), mustChangePassword: false };
    },

    async updateProfile(type: 'user' | 'client', id: number, changes: UpdateProfileInput): Promise<PrincipalDto> {
      return db.transaction(async (tx) => {
        const txRepo = createAuthRepository(tx);
        const before = await txRepo.findAccount(type, id);
        if (!before) throw new AppError(401, 'UNAUTHENTICATED', 'Sign in to continue.');
        await txRepo.updateProfile(type, id, changes, clock.now());
        const row = (await txRepo.findAccount(type, id))!;
        await audit.record(tx, {
          action: 'update_profile',
          entity: type,
          entityId: id,
          before: { name: before.name, locale: before.locale },
          after: { name: row.name, locale: row.locale },
          valueFields: ['locale'],
        });
        return toPrincipal(row);
      });
    },

    endSessions: (type: 'user' | 'client', id: number) => repo.endSessions(principalKey(type, id)),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
