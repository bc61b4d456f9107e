import type { Db, Queryable } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { Actor } from '../../lib/request-context.js';
import { badRequest, conflict, notFound } from '../../lib/app-error.js';
import { mapConstraintViolation } from '../../lib/pg-errors.js';
import { mapPage, type PageInput } from '../../lib/paging.js';
import type {
  ClientContactCardDto,
  ClientDto,
  CreateClientInput,
  OwnClientProfileDto,
  UpdateClientInput,
  UpdateOwnProfileInput,
} from '../../contracts/clients.js';
import { temporaryPassword, type PasswordHasher } from '../auth/password.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { endAccountSessions } from '../users/account-sessions.js';
import { phoneOrFail, versionConflict } from '../users/users.service.js';
import type { ClientFields, ClientFilters, ClientRow, ClientsRepository } from './clients.repository.js';
import type { WorkerAccess } from './worker-access.js';

/** Values the audit log may keep for clients: flags only, never personal data. */
const AUDIT_VALUES = ['isActive', 'isEnterprise', 'mustChangePassword', 'locale', 'anonymizedAt', 'billing', 'remindersExcluded'] as const;
const UNUSABLE_HASH = '!anonymised';

export const phoneTaken = () => conflict('PHONE_TAKEN', 'Another client already has this phone number.');
const uniqueViolations = { clients_phone_key: phoneTaken };

export function toClientDto(row: ClientRow): ClientDto {
  return {
    id: row.id,
    phone: row.phone,
    name: row.name,
    email: row.email,
    dateOfBirth: row.date_of_birth,
    nif: row.nif,
    notes: row.notes,
    isEnterprise: row.is_enterprise,
    companyName: row.company_name,
    locale: row.locale,
    billing: row.billing,
    remindersExcluded: row.reminders_excluded,
    isActive: row.is_active,
    mustChangePassword: row.must_change_password,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    anonymizedAt: row.anonymized_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function toOwnProfile(row: ClientRow): OwnClientProfileDto {
  const { notes: _notes, ...own } = toClientDto(row);
  return own;
}

export function toContactCard(row: ClientRow): ClientContactCardDto {
  return { id: row.id, name: row.name, companyName: row.company_name, phone: row.phone, email: row.email };
}

export interface ClientsDeps {
  repo: ClientsRepository;
  db: Db;
  clock: Clock;
  logger: Logger;
  hasher: PasswordHasher;
  audit: AuditService;
  notifications: NotificationsService;
  workerAccess: WorkerAccess;
}

export function createClientsService({ repo, db, clock, logger, hasher, audit, notifications, workerAccess }: ClientsDeps) {
  function snapshot(row: ClientRow): Record<string, unknown> {
    return { ...toClientDto(row) };
  }

  async function loadForStaff(q: Queryable, id: number, forUpdate = false): Promise<ClientRow> {
    const row = await repo.findById(q, id, forUpdate);
    if (!row) throw notFound('No such client.');
    return row;
  }

  async function applyUpdate(id: number, version: number, changes: ClientFields): Promise<ClientRow> {
    if (Object.values(changes).every((v) => v === undefined)) throw badRequest('NOTHING_TO_CHANGE', 'The request changes nothing.');
    return db
      .transaction(async (tx) => {
        const current = await loadForStaff(tx, id, true);
        if (current.anonymized_at) throw conflict('CLIENT_ANONYMISED', 'This client was anonymised and cannot be edited.');
        if (current.version !== version) throw versionConflict(current.version);
        const merged = { isEnterprise: changes.isEnterprise ?? current.is_enterprise, companyName: changes.companyName === undefined ? current.company_name : changes.companyName };
        if (merged.isEnterprise && !merged.companyName) {
          throw badRequest('VALIDATION_FAILED', 'Invalid body.companyName: required for an enterprise client', [
            { path: 'body.companyName', message: 'required for an enterprise client', code: 'custom' },
          ]);
        }
        const row = await repo.update(tx, id, version, changes, clock.now());
        if (!row) throw versionConflict(current.version);
        await audit.record(tx, { action: 'update', entity: 'client', entityId: id, before: snapshot(current), after: snapshot(row), valueFields: AUDIT_VALUES });
        return row;
      })
      .catch((err: unknown) => mapConstraintViolation(err, uniqueViolations));
  }

  return {
    async list(filters: ClientFilters, page: PageInput) {
      return mapPage(await repo.list(filters, page), toClientDto);
    },

    /** One client as the caller may see them: staff everything, the client themselves, a worker a contact card. */
    async get(actor: Actor, id: number): Promise<ClientDto | OwnClientProfileDto | ClientContactCardDto> {
      const row = await repo.findById(db, id);
      if (!row) throw notFound('No such client.');
      if (actor.role === 'master' || actor.role === 'admin') return toClientDto(row);
      if (actor.role === 'client' && actor.id === id) return toOwnProfile(row);
      if (actor.role === 'worker' && (await workerAccess.canSeeClient(db, actor.id, id))) return toContactCard(row);
      throw notFound('No such client.');
    },

    async getOwn(clientId: number): Promise<OwnClientProfileDto> {
      const row = await repo.findById(db, clientId);
      if (!row) throw notFound('No such client.');
      return toOwnProfile(row);
    },

    async create(actor: Actor, input: CreateClientInput): Promise<{ client: ClientDto; temporaryPassword: string }> {
      const phone = phoneOrFail(input.phone)!;
      const fields = { ...input, phone, companyName: input.isEnterprise ? input.companyName : (input.companyName ?? null) };
      const password = temporaryPassword();
      const hash = await hasher.hash(password);
      const { row, notified } = await db
        .transaction(async (tx) => {
          const created = await repo.insert(tx, fields, hash, actor.type === 'user' ? actor.id : null, clock.now());
          await audit.record(tx, { action: 'create', entity: 'client', entityId: created.id, before: null, after: snapshot(created), valueFields: AUDIT_VALUES });
          const notice = await notifications.notify(tx, {
            to: { type: 'client', id: created.id },
            type: 'account.welcome',
            params: { name: created.name, login: created.phone },
            secrets: { temporaryPassword: password },
          });
          return { row: created, notified: notice };
        })
        .catch((err: unknown) => mapConstraintViolation(err, uniqueViolations));
      await notifications.dispatch([notified]);
      logger.info({ event: 'clients.created', clientId: row.id }, '✅ Client created');
      return { client: toClientDto(row), temporaryPassword: password };
    },

    async update(id: number, input: UpdateClientInput): Promise<ClientDto> {
      const { version, ...changes } = input;
      return toClientDto(await applyUpdate(id, version, { ...changes, phone: phoneOrFail(changes.phone) ?? undefined }));
    },

    async updateOwn(clientId: number, input: UpdateOwnProfileInput): Promise<OwnClientProfileDto> {
      const { version, ...changes } = input;
      return toOwnProfile(await applyUpdate(clientId, version, changes));
    },

    async setActive(id: number, active: boolean): Promise<ClientDto> {
      const row = await db.transaction(async (tx) => {
        const current = await loadForStaff(tx, id, true);
        if (current.anonymized_at) throw conflict('CLIENT_ANONYMISED', 'This client was anonymised and cannot be reactivated.');
        if (current.is_active === active) return current;
        const changed = await repo.setActive(tx, id, active, clock.now());
        await audit.record(tx, {
          action: active ? 'reactivate' : 'deactivate',
          entity: 'client',
          entityId: id,
          before: snapshot(current),
          after: snapshot(changed),
          valueFields: AUDIT_VALUES,
        });
        if (!active) await endAccountSessions(tx, 'client', id);
        return changed;
      });
      return toClientDto(row);
    },

    async resetPassword(id: number): Promise<{ client: ClientDto; temporaryPassword: string }> {
      const password = temporaryPassword();
      const hash = await hasher.hash(password);
      const { row, notified } = await db.transaction(async (tx) => {
        const current = await loadForStaff(tx, id, true);
        if (current.anonymized_at) throw conflict('CLIENT_ANONYMISED', 'This client was anonymised.');
        const changed = await repo.setTemporaryPassword(tx, id, hash, clock.now());
        await audit.record(tx, {
          action: 'reset_password',
          entity: 'client',
          entityId: id,
          before: snapshot(current),
          after: snapshot(changed),
          valueFields: AUDIT_VALUES,
          extraFields: ['password'],
        });
        await endAccountSessions(tx, 'client', id);
        const notice = await notifications.notify(tx, { to: { type: 'client', id }, type: 'password.reset_by_staff', params: {} });
        return { row: changed, notified: notice };
      });
      await notifications.dispatch([notified]);
      return { client: toClientDto(row), temporaryPassword: password };
    },

    // --- GDPR ---------------------------------------------------------------------------------------
    async exportClient(q: Queryable, clientId: number) {
      const row = await repo.findById(q, clientId);
      if (!row) throw notFound('No such client.');
      return toClientDto(row);
    },

    async anonymiseClient(tx: Queryable, clientId: number): Promise<void> {
      const current = await loadForStaff(tx, clientId, true);
      const row = await repo.anonymise(tx, clientId, UNUSABLE_HASH, clock.now());
      await audit.record(tx, { action: 'anonymise', entity: 'client', entityId: clientId, before: snapshot(current), after: snapshot(row), valueFields: AUDIT_VALUES, extraFields: ['password'] });
      await endAccountSessions(tx, 'client', clientId);
    },
  };
}

export type ClientsService = ReturnType<typeof createClientsService>;
