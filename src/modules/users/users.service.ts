import type { Db, Queryable } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { Actor } from '../../lib/request-context.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../lib/app-error.js';
import { mapConstraintViolation } from '../../lib/pg-errors.js';
import { mapPage, type PageInput } from '../../lib/paging.js';
import { normalizePhone } from '../../lib/phone.js';
import type { CreateUserInput, StaffRoleName, UpdateUserInput, UserDto } from '../../contracts/users.js';
import { temporaryPassword, type PasswordHasher } from '../auth/password.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { UserFields, UserFilters, UserRow, UsersRepository } from './users.repository.js';
import { endAccountSessions } from './account-sessions.js';

/** Values the audit log may keep for users: flags and the role, never personal data. */
const AUDIT_VALUES = ['role', 'isActive', 'mustChangePassword', 'locale'] as const;

export const usernameTaken = () => conflict('USERNAME_TAKEN', 'This username is already in use.');
export const versionConflict = (current: number) =>
  new AppError(409, 'VERSION_CONFLICT', 'Someone else changed this record meanwhile. Reload it and try again.', { currentVersion: current });

const ROLE_DESCRIPTIONS: Record<StaffRoleName, string> = {
  master: 'Owner: everything, including admins, settings and finance. There is exactly one.',
  admin: 'Manager: runs the business — workers, clients, orders, jobs, finance.',
  worker: 'Field and laundry staff: their own jobs and the laundry queue; no prices or payments.',
};

export function toUserDto(row: UserRow): UserDto {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    name: row.name,
    email: row.email,
    phone: row.phone,
    dateOfBirth: row.date_of_birth,
    nif: row.nif,
    locale: row.locale,
    isActive: row.is_active,
    mustChangePassword: row.must_change_password,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** A phone as typed → E.164, or a 400 on the field. */
export function phoneOrFail(value: string | null | undefined, path = 'body.phone'): string | null | undefined {
  if (value === undefined || value === null) return value;
  const phone = normalizePhone(value);
  if (!phone) {
    throw new AppError(400, 'VALIDATION_FAILED', `Invalid ${path}: not a phone number`, [{ path, message: 'not a phone number', code: 'invalid_phone' }]);
  }
  return phone;
}

export interface UsersDeps {
  repo: UsersRepository;
  db: Db;
  clock: Clock;
  logger: Logger;
  hasher: PasswordHasher;
  audit: AuditService;
  notifications: NotificationsService;
}

/**
 * Staff accounts and the §5 rules over them: the master manages admins and workers, an admin manages
 * workers only, nobody creates a second master, nobody deactivates the master or themselves. Users are
 * never deleted, so history keeps pointing at them.
 */
export function createUsersService({ repo, db, clock, logger, hasher, audit, notifications }: UsersDeps) {
  /** What the caller may see: the master everything; an admin the workers and themselves. */
  function visible(actor: Actor, row: UserRow | undefined): row is UserRow {
    if (!row) return false;
    if (actor.role === 'master') return true;
    return row.role === 'worker' || row.id === actor.id;
  }

  /** What the caller may change: the master anyone; an admin workers only. */
  function assertManageable(actor: Actor, row: UserRow): void {
    if (actor.role === 'master') return;
    if (row.role !== 'worker') throw forbidden('FORBIDDEN', 'Admins manage workers only.');
  }

  function assertAssignable(actor: Actor, role: StaffRoleName): void {
    if (role === 'master') throw forbidden('CANNOT_CREATE_MASTER', 'There is exactly one master; no account can be given that role.');
    if (actor.role !== 'master' && role !== 'worker') throw forbidden('ROLE_NOT_ALLOWED', 'Admins can create and edit workers only.');
  }

  async function load(q: Queryable, actor: Actor, id: number, forUpdate = false): Promise<UserRow> {
    const row = await repo.findById(q, id, forUpdate);
    if (!visible(actor, row)) throw notFound('No such user.');
    return row;
  }

  const uniqueViolations = { users_username_lower_key: usernameTaken, users_single_master_key: () => forbidden('CANNOT_CREATE_MASTER', 'There is exactly one master.') };

  return {
    async list(actor: Actor, filters: UserFilters, page: PageInput) {
      if (actor.role !== 'master') {
        // An admin's list is the workers; asking for another role gives an empty list, not an error.
        if (filters.role && filters.role !== 'worker') {
          return { items: [], page: { total: 0, totalCapped: false, limit: page.limit, offset: page.offset, nextCursor: null } };
        }
        return mapPage(await repo.list({ ...filters, role: 'worker' }, page), toUserDto);
      }
      return mapPage(await repo.list(filters, page), toUserDto);
    },

    async get(actor: Actor, id: number): Promise<UserDto> {
      return toUserDto(await load(db, actor, id));
    },

    roleTypes(actor: Actor) {
      return (['master', 'admin', 'worker'] as const).map((role) => ({
        role,
        description: ROLE_DESCRIPTIONS[role],
        assignable: role === 'worker' || (role === 'admin' && actor.role === 'master'),
      }));
    },

    async create(actor: Actor, input: CreateUserInput): Promise<{ user: UserDto; temporaryPassword: string }> {
      assertAssignable(actor, input.role);
      const fields: UserFields & Pick<CreateUserInput, 'username' | 'role' | 'name'> = { ...input, phone: phoneOrFail(input.phone) };
      const password = temporaryPassword();
      const hash = await hasher.hash(password);
      const { row, notified } = await db
        .transaction(async (tx) => {
          const created = await repo.insert(tx, fields, hash, actor.type === 'user' ? actor.id : null, clock.now());
          const dto = toUserDto(created);
          await audit.record(tx, { action: 'create', entity: 'user', entityId: created.id, before: null, after: { ...dto }, valueFields: AUDIT_VALUES });
          const notice = await notifications.notify(tx, {
            to: { type: 'user', id: created.id },
            type: 'account.welcome',
            params: { name: created.name, login: created.username },
            secrets: { temporaryPassword: password },
          });
          return { row: created, notified: notice };
        })
        .catch((err: unknown) => mapConstraintViolation(err, uniqueViolations));
      await notifications.dispatch([notified]);
      logger.info({ event: 'users.created', userId: row.id, role: row.role }, `✅ User created (${row.role})`);
      return { user: toUserDto(row), temporaryPassword: password };
    },

    async update(actor: Actor, id: number, input: UpdateUserInput): Promise<UserDto> {
      const { version, ...changes } = input;
      const fields: UserFields = { ...changes, phone: phoneOrFail(changes.phone) };
      if (Object.values(fields).every((v) => v === undefined)) throw badRequest('NOTHING_TO_CHANGE', 'The request changes nothing.');
      const updated = await db
        .transaction(async (tx) => {
          const current = await load(tx, actor, id, true);
          assertManageable(actor, current);
          if (fields.role !== undefined && fields.role !== current.role) {
            if (current.role === 'master') throw forbidden('CANNOT_CHANGE_MASTER_ROLE', 'The master keeps the master role.');
            assertAssignable(actor, fields.role);
          }
          if (current.version !== version) throw versionConflict(current.version);
          const row = await repo.update(tx, id, version, fields, clock.now());
          if (!row) throw versionConflict(current.version);
          await audit.record(tx, { action: 'update', entity: 'user', entityId: id, before: { ...toUserDto(current) }, after: { ...toUserDto(row) }, valueFields: AUDIT_VALUES });
          // A role change takes effect at once: the account signs in again with its new rights.
          if (row.role !== current.role) await endAccountSessions(tx, 'user', id);
          return row;
        })
        .catch((err: unknown) => mapConstraintViolation(err, uniqueViolations));
      return toUserDto(updated);
    },

    async setActive(actor: Actor, id: number, active: boolean): Promise<UserDto> {
      const row = await db.transaction(async (tx) => {
        const current = await load(tx, actor, id, true);
        if (!active && current.role === 'master') throw forbidden('CANNOT_DEACTIVATE_MASTER', 'The master account cannot be deactivated.');
        if (current.id === actor.id) throw forbidden('CANNOT_DEACTIVATE_SELF', 'You cannot deactivate or reactivate your own account.');
        assertManageable(actor, current);
        if (current.is_active === active) return current;
        const changed = await repo.setActive(tx, id, active, clock.now());
        await audit.record(tx, {
          action: active ? 'reactivate' : 'deactivate',
          entity: 'user',
          entityId: id,
          before: { ...toUserDto(current) },
          after: { ...toUserDto(changed) },
          valueFields: AUDIT_VALUES,
        });
        if (!active) await endAccountSessions(tx, 'user', id);
        return changed;
      });
      return toUserDto(row);
    },

    async resetPassword(actor: Actor, id: number): Promise<{ user: UserDto; temporaryPassword: string }> {
      const password = temporaryPassword();
      const hash = await hasher.hash(password);
      const { row, notified } = await db.transaction(async (tx) => {
        const current = await load(tx, actor, id, true);
        if (current.id === actor.id) throw forbidden('CANNOT_RESET_SELF', 'Change your own password from your profile.');
        assertManageable(actor, current);
        const changed = await repo.setTemporaryPassword(tx, id, hash, clock.now());
        await audit.record(tx, {
          action: 'reset_password',
          entity: 'user',
          entityId: id,
          before: { ...toUserDto(current) },
          after: { ...toUserDto(changed) },
          valueFields: AUDIT_VALUES,
          extraFields: ['password'],
        });
        await endAccountSessions(tx, 'user', id);
        const notice = await notifications.notify(tx, { to: { type: 'user', id }, type: 'password.reset_by_staff', params: {} });
        return { row: changed, notified: notice };
      });
      await notifications.dispatch([notified]);
      return { user: toUserDto(row), temporaryPassword: password };
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
