import type { Db, Queryable } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../../lib/request-context.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import { badRequest, conflict, notFound } from '../../lib/app-error.js';
import { mapConstraintViolation } from '../../lib/pg-errors.js';
import { mapPage, type Page, type PageInput } from '../../lib/paging.js';
import type { CreatePropertyInput, OwnPropertyDto, PropertyDto, UpdatePropertyInput } from '../../contracts/properties.js';
import type { AuditService } from '../audit/audit.service.js';
import type { WorkerAccess } from '../clients/worker-access.js';
import { versionConflict } from '../users/users.service.js';
import type { PropertiesRepository, PropertyFields, PropertyRow } from './properties.repository.js';

/** Values the audit log may keep for properties: flags and categories, never addresses or access codes. */
const AUDIT_VALUES = ['isPrimary', 'isActive', 'district', 'propertyType'] as const;
export const ACCESS_INSTRUCTIONS_CONTEXT = 'properties.access_instructions';

const primaryExists = () => conflict('PRIMARY_EXISTS', 'This client already has a primary property; make this one primary instead.');
const hasJobs = () => conflict('PROPERTY_HAS_JOBS', 'This property has jobs and cannot be deleted; deactivate it instead.');
const violations = { properties_one_primary_key: primaryExists };

export interface PropertiesDeps {
  repo: PropertiesRepository;
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  audit: AuditService;
  workerAccess: WorkerAccess;
}

/**
 * Properties and their one-primary rule: the first is primary, a second primary is refused, and when
 * the primary is deleted (or deactivated) the oldest remaining one takes over. Every change to a
 * client's set of properties holds a lock on the client, so two requests cannot both make "the first".
 */
export function createPropertiesService({ repo, db, clock, cipher, audit, workerAccess }: PropertiesDeps) {
  const decrypt = (row: PropertyRow) => (row.access_instructions_enc ? cipher.decrypt(row.access_instructions_enc, ACCESS_INSTRUCTIONS_CONTEXT) : null);
  const encrypt = (value: string | null | undefined) => (value === undefined ? undefined : value === null || value === '' ? null : cipher.encrypt(value, ACCESS_INSTRUCTIONS_CONTEXT));

  function toOwn(row: PropertyRow): OwnPropertyDto {
    return {
      id: row.id,
      clientId: row.client_id,
      name: row.name,
      addressLine1: row.address_line1,
      addressLine2: row.address_line2,
      city: row.city,
      postalCode: row.postal_code,
      district: row.district as OwnPropertyDto['district'],
      propertyType: row.property_type as OwnPropertyDto['propertyType'],
      isPrimary: row.is_primary,
      isActive: row.is_active,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      version: row.version,
    };
  }
  const toFull = (row: PropertyRow): PropertyDto => Object.assign(toOwn(row), { accessInstructions: decrypt(row) });
  const snapshot = (row: PropertyRow): Record<string, unknown> => ({ ...toFull(row) });

  async function lockOwner(tx: Queryable, clientId: number) {
    const client = await repo.lockClient(tx, clientId);
    if (!client) throw notFound('No such client.');
    if (client.anonymized_at) throw conflict('CLIENT_ANONYMISED', 'This client was anonymised.');
  }

  /** Loads a property for a change, with its client's set locked first (lock order: client, then property). */
  async function loadForChange(tx: Queryable, id: number): Promise<PropertyRow> {
    const peek = await repo.findById(tx, id);
    if (!peek) throw notFound('No such property.');
    await lockOwner(tx, peek.client_id);
    const row = await repo.findById(tx, id, true);
    if (!row) throw notFound('No such property.');
    return row;
  }

  async function promoteReplacement(tx: Queryable, clientId: number, goneId: number): Promise<void> {
    const next = await repo.oldestOther(tx, clientId, goneId);
    if (!next) return;
    const promoted = await repo.setFlags(tx, next.id, { isPrimary: true }, clock.now());
    await audit.record(tx, { action: 'promote_primary', entity: 'property', entityId: next.id, before: snapshot(next), after: snapshot(promoted), valueFields: AUDIT_VALUES });
  }

  return {
    async listForClient(actor: Actor, clientId: number, active: boolean | undefined, page: PageInput): Promise<Page<PropertyDto | OwnPropertyDto>> {
      if (actor.role === 'client' && actor.id !== clientId) throw notFound('No such client.');
      if (actor.role !== 'client') {
        const exists = await db.query(`SELECT 1 FROM clients WHERE id = $1`, [clientId]);
        if (exists.rowCount === 0) throw notFound('No such client.');
      }
      const result = await repo.listForClient(clientId, active, page);
      return actor.role === 'client' ? mapPage(result, toOwn) : mapPage(result, toFull);
    },

    async get(actor: Actor, id: number): Promise<PropertyDto | OwnPropertyDto> {
      const row = await repo.findById(db, id);
      if (!row) throw notFound('No such property.');
      if (actor.role === 'master' || actor.role === 'admin') return toFull(row);
      if (actor.role === 'client' && row.client_id === actor.id) return toOwn(row);
      if (actor.role === 'worker' && (await workerAccess.canSeeProperty(db, actor.id, id))) {
        return (await workerAccess.openAccessInstructions(db, actor.id, id)) ? toFull(row) : toOwn(row);
      }
      throw notFound('No such property.');
    },

    async create(actor: Actor, clientId: number, input: CreatePropertyInput): Promise<PropertyDto> {
      const { isPrimary, accessInstructions, ...fields } = input;
      const row = await db
        .transaction(async (tx) => {
          await lockOwner(tx, clientId);
          const primary = await repo.currentPrimary(tx, clientId);
          if (primary && isPrimary) throw primaryExists();
          const created = await repo.insert(tx, clientId, { ...fields, accessInstructionsEnc: encrypt(accessInstructions) ?? null }, !primary, actor.type === 'user' ? actor.id : null, clock.now());
          await audit.record(tx, { action: 'create', entity: 'property', entityId: created.id, before: null, after: snapshot(created), valueFields: AUDIT_VALUES });
          return created;
        })
        .catch((err: unknown) => mapConstraintViolation(err, violations));
      return toFull(row);
    },

    async update(id: number, input: UpdatePropertyInput): Promise<PropertyDto> {
      const { version, accessInstructions, ...rest } = input;
      const changes: PropertyFields = { ...rest, accessInstructionsEnc: encrypt(accessInstructions) };
      if (Object.values(changes).every((v) => v === undefined)) throw badRequest('NOTHING_TO_CHANGE', 'The request changes nothing.');
      const row = await db.transaction(async (tx) => {
        const current = await loadForChange(tx, id);
        if (current.version !== version) throw versionConflict(current.version);
        const updated = await repo.update(tx, id, version, changes, clock.now());
        if (!updated) throw versionConflict(current.version);
        await audit.record(tx, { action: 'update', entity: 'property', entityId: id, before: snapshot(current), after: snapshot(updated), valueFields: AUDIT_VALUES });
        return updated;
      });
      return toFull(row);
    },

    async makePrimary(id: number): Promise<PropertyDto> {
      const row = await db.transaction(async (tx) => {
        const current = await loadForChange(tx, id);
        if (current.is_primary) return current;
        if (!current.is_active) throw conflict('PROPERTY_INACTIVE', 'Reactivate the property before making it primary.');
        const previous = await repo.currentPrimary(tx, current.client_id);
        if (previous) {
          const demoted = await repo.setFlags(tx, previous.id, { isPrimary: false }, clock.now());
          await audit.record(tx, { action: 'demote_primary', entity: 'property', entityId: previous.id, before: snapshot(previous), after: snapshot(demoted), valueFields: AUDIT_VALUES });
        }
        const promoted = await repo.setFlags(tx, id, { isPrimary: true }, clock.now());
        await audit.record(tx, { action: 'make_primary', entity: 'property', entityId: id, before: snapshot(current), after: snapshot(promoted), valueFields: AUDIT_VALUES });
        return promoted;
      });
      return toFull(row);
    },

    async setActive(id: number, active: boolean): Promise<PropertyDto> {
      const row = await db.transaction(async (tx) => {
        const current = await loadForChange(tx, id);
        if (current.is_active === active) return current;
        let changed = await repo.setFlags(tx, id, { isActive: active }, clock.now());
        if (!active && current.is_primary) {
          // The primary hands over to the oldest active property, if there is one; otherwise it stays primary.
          const next = await repo.oldestOther(tx, current.client_id, id);
          if (next?.is_active) {
            changed = await repo.setFlags(tx, id, { isPrimary: false }, clock.now());
            await promoteReplacement(tx, current.client_id, id);
          }
        }
        await audit.record(tx, { action: active ? 'reactivate' : 'deactivate', entity: 'property', entityId: id, before: snapshot(current), after: snapshot(changed), valueFields: AUDIT_VALUES });
        return changed;
      });
      return toFull(row);
    },

    async delete(id: number): Promise<void> {
      await db
        .transaction(async (tx) => {
          const current = await loadForChange(tx, id);
          await repo.delete(tx, id);
          await audit.record(tx, { action: 'delete', entity: 'property', entityId: id, before: snapshot(current), after: null, valueFields: AUDIT_VALUES });
          if (current.is_primary) await promoteReplacement(tx, current.client_id, id);
        })
        // Jobs reference properties with ON DELETE RESTRICT: whatever table holds them, the violation means "has jobs".
        .catch((err: unknown) => {
          if ((err as { code?: string }).code === '23503') throw hasJobs();
          throw err;
        });
    },

    // --- GDPR ---------------------------------------------------------------------------------------
    async exportClient(q: Queryable, clientId: number): Promise<PropertyDto[]> {
      return (await repo.allForClient(q, clientId)).map(toFull);
    },

    async anonymiseClient(tx: Queryable, clientId: number): Promise<void> {
      await repo.anonymiseForClient(tx, clientId, clock.now());
    },
  };
}

export type PropertiesService = ReturnType<typeof createPropertiesService>;
