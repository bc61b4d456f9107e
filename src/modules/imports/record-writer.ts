import type { Queryable } from '../../db/pool.js';
import type { DuplicatePolicy, ImportKindValue } from '../../contracts/imports.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import type { RowAction, RowActionKind } from './imports.repository.js';
import type { MatchedLine } from './record-matching.js';
import type { ClientValues, PropertyValues, ServiceValues } from './row-checks.js';

/** The password of an imported client until staff hand out a reset link: no password verifies against it. */
export const IMPORTED_CLIENT_HASH = '!imported';
/** The context the properties module encrypts access instructions under (a ciphertext is bound to its column). */
const ACCESS_INSTRUCTIONS_CONTEXT = 'properties.access_instructions';
const BATCH = 1000;

export interface WriteContext {
  actorId: number;
  at: Date;
  cipher: FieldCipher;
}

interface Written {
  id: number;
  version: number;
  key: string;
}

/**
 * Writes an import's rows as records, a thousand per statement: the records are written here directly
 * (not through each module's service, one call and one audit entry per record) because one import is
 * one decision, audited once with its counts. The same rules hold: phones in E.164, access notes
 * encrypted, one primary property per client, imported clients must set a password first.
 */
export async function applyRows(tx: Queryable, kind: ImportKindValue, rows: MatchedLine[], policy: DuplicatePolicy, ctx: WriteContext): Promise<RowAction[]> {
  const fresh = rows.filter((r) => r.outcome === 'valid');
  const toUpdate = policy === 'update' ? rows.filter((r) => r.outcome === 'duplicate' && r.recordId !== null) : [];
  const done = (line: number, kind: RowActionKind, entityId: number | null, entityVersion: number | null): RowAction => ({ line, action: kind, entityId, entityVersion });
  const actions = rows.filter((r) => r.outcome === 'duplicate' && !toUpdate.includes(r)).map((r) => done(r.line, 'skipped', r.recordId, null));

  const writers = WRITERS[kind];
  const created = await inBatches(fresh, (batch) => writers.insert(tx, batch, ctx));
  const updated = await inBatches(toUpdate, (batch) => writers.update(tx, batch, ctx));
  for (const [lines, written, kind] of [
    [fresh, created, 'created'],
    [toUpdate, updated, 'updated'],
  ] as const) {
    const byKey = new Map(written.map((w) => [w.key, w]));
    for (const r of lines) {
      const w = byKey.get(writers.key(r, kind));
      if (!w) throw new Error(`import row ${r.line} was not written`);
      actions.push(done(r.line, kind, w.id, w.version));
    }
  }
  return actions;
}

async function inBatches(rows: MatchedLine[], write: (batch: MatchedLine[]) => Promise<Written[]>): Promise<Written[]> {
  const out: Written[] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(...(await write(rows.slice(i, i + BATCH))));
  return out;
}

interface KindWriter {
  insert(tx: Queryable, rows: MatchedLine[], ctx: WriteContext): Promise<Written[]>;
  update(tx: Queryable, rows: MatchedLine[], ctx: WriteContext): Promise<Written[]>;
  /** How a written record is found again among the statement's RETURNING rows. */
  key(row: MatchedLine, kind: 'created' | 'updated'): string;
}

const json = (rows: unknown[]) => JSON.stringify(rows);

const clients: KindWriter = {
  key: (r, kind) => (kind === 'updated' ? String(r.recordId) : (r.values as ClientValues).phone),
  async insert(tx, rows, ctx) {
    const data = rows.map((r) => {
      const v = r.values as ClientValues;
      return { phone: v.phone, name: v.name, email: v.email ?? null, nif: v.nif ?? null, date_of_birth: v.dateOfBirth ?? null, notes: v.notes ?? null,
        is_enterprise: v.isEnterprise ?? false, company_name: v.companyName ?? null, locale: v.locale ?? 'pt' };
    });
    const { rows: written } = await tx.query<Written>(
      `INSERT INTO clients (phone, password_hash, name, email, nif, date_of_birth, notes, is_enterprise, company_name, locale,
                            must_change_password, created_by, created_at, updated_at)
       SELECT r.phone, $2, r.name, r.email, r.nif, r.date_of_birth, r.notes, r.is_enterprise, r.company_name, r.locale, true, $3, $4, $4
         FROM jsonb_to_recordset($1::jsonb) AS r (phone text, name text, email text, nif text, date_of_birth date, notes text,
                                                  is_enterprise boolean, company_name text, locale text)
       RETURNING id, version, phone AS key`,
      [json(data), IMPORTED_CLIENT_HASH, ctx.actorId, ctx.at],
    );
    return written;
  },
  async update(tx, rows, ctx) {
    const data = rows.map((r) => {
      const v = r.values as ClientValues;
      return { id: r.recordId, name: v.name, email: v.email ?? null, nif: v.nif ?? null, date_of_birth: v.dateOfBirth ?? null, notes: v.notes ?? null,
        is_enterprise: v.isEnterprise ?? null, company_name: v.companyName ?? null, locale: v.locale ?? null };
    });
    // Only what the file says is changed; an empty cell keeps the value there. The phone (the login) stays.
    const { rows: written } = await tx.query<Written>(
      `UPDATE clients c SET name = r.name, email = COALESCE(r.email, c.email), nif = COALESCE(r.nif, c.nif),
              date_of_birth = COALESCE(r.date_of_birth, c.date_of_birth), notes = COALESCE(r.notes, c.notes),
              is_enterprise = COALESCE(r.is_enterprise, c.is_enterprise), company_name = COALESCE(r.company_name, c.company_name),
              locale = COALESCE(r.locale, c.locale), version = c.version + 1, updated_at = $2
         FROM jsonb_to_recordset($1::jsonb) AS r (id bigint, name text, email text, nif text, date_of_birth date, notes text,
                                                  is_enterprise boolean, company_name text, locale text)
        WHERE c.id = r.id
       RETURNING c.id, c.version, c.id::text AS key`,
      [json(data), ctx.at],
    );
    return written;
  },
};

const propertyKey = (clientId: number | null, line1: string, postalCode: string) => `${clientId}|${line1}|${postalCode}`;

const properties: KindWriter = {
  key: (r, kind) => (kind === 'updated' ? String(r.recordId) : propertyKey(r.clientId, (r.values as PropertyValues).addressLine1, (r.values as PropertyValues).postalCode)),
  async insert(tx, rows, ctx) {
    // The first property of a client with none becomes its primary: the first row marked primary, else its first row.
    const clientIds = [...new Set(rows.map((r) => r.clientId!))];
    const { rows: withPrimary } = await tx.query<{ client_id: number }>(
      `SELECT client_id FROM properties WHERE is_primary AND client_id = ANY($1::bigint[])`,
      [clientIds],
    );
    const hasPrimary = new Set(withPrimary.map((p) => p.client_id));
    const primaryLine = new Map<number, number>();
    for (const r of [...rows.filter((x) => (x.values as PropertyValues).isPrimary), ...rows]) {
      if (!hasPrimary.has(r.clientId!) && !primaryLine.has(r.clientId!)) primaryLine.set(r.clientId!, r.line);
    }
    const data = rows.map((r) => {
      const v = r.values as PropertyValues;
      return { client_id: r.clientId, name: v.name ?? v.addressLine1.slice(0, 120), address_line1: v.addressLine1, address_line2: v.addressLine2 ?? null,
        city: v.city, postal_code: v.postalCode, district: v.district, property_type: v.propertyType ?? 'outro',
        access_instructions_enc: v.accessInstructions ? ctx.cipher.encrypt(v.accessInstructions, ACCESS_INSTRUCTIONS_CONTEXT) : null,
        is_primary: primaryLine.get(r.clientId!) === r.line };
    });
    const { rows: written } = await tx.query<Written>(
      `INSERT INTO properties (client_id, name, address_line1, address_line2, city, postal_code, district, property_type,
                               access_instructions_enc, is_primary, created_by, created_at, updated_at)
       SELECT r.client_id, r.name, r.address_line1, r.address_line2, r.city, r.postal_code, r.district, r.property_type,
              r.access_instructions_enc, r.is_primary, $2, $3, $3
         FROM jsonb_to_recordset($1::jsonb) AS r (client_id bigint, name text, address_line1 text, address_line2 text, city text,
                                                  postal_code text, district text, property_type text, access_instructions_enc text, is_primary boolean)
       RETURNING id, version, client_id || '|' || address_line1 || '|' || postal_code AS key`,
      [json(data), ctx.actorId, ctx.at],
    );
    return written;
  },
  async update(tx, rows, ctx) {
    const data = rows.map((r) => {
      const v = r.values as PropertyValues;
      return { id: r.recordId, name: v.name ?? null, address_line2: v.addressLine2 ?? null, city: v.city, district: v.district, property_type: v.propertyType ?? null,
        access_instructions_enc: v.accessInstructions ? ctx.cipher.encrypt(v.accessInstructions, ACCESS_INSTRUCTIONS_CONTEXT) : null };
    });
    const { rows: written } = await tx.query<Written>(
      `UPDATE properties p SET name = COALESCE(r.name, p.name), address_line2 = COALESCE(r.address_line2, p.address_line2), city = r.city,
              district = r.district, property_type = COALESCE(r.property_type, p.property_type),
              access_instructions_enc = COALESCE(r.access_instructions_enc, p.access_instructions_enc), version = p.version + 1, updated_at = $2
         FROM jsonb_to_recordset($1::jsonb) AS r (id bigint, name text, address_line2 text, city text, district text, property_type text, access_instructions_enc text)
        WHERE p.id = r.id
       RETURNING p.id, p.version, p.id::text AS key`,
      [json(data), ctx.at],
    );
    return written;
  },
};

const services: KindWriter = {
  key: (r, kind) => (kind === 'updated' ? String(r.recordId) : (r.values as ServiceValues).code),
  async insert(tx, rows, ctx) {
    const data = rows.map((r) => {
      const v = r.values as ServiceValues;
      return { code: v.code, name: v.name, name_en: v.nameEn ?? v.name, pricing_unit: v.pricingUnit, price_cents: v.priceCents,
        minimum_charge_cents: v.minimumChargeCents ?? null, description: v.description ?? null };
    });
    const { rows: written } = await tx.query<Written>(
      `INSERT INTO laundry_services (code, name, name_en, pricing_unit, price_cents, minimum_charge_cents, description, updated_by, created_at, updated_at)
       SELECT r.code, r.name, r.name_en, r.pricing_unit, r.price_cents, r.minimum_charge_cents, r.description, $2, $3, $3
         FROM jsonb_to_recordset($1::jsonb) AS r (code text, name text, name_en text, pricing_unit text, price_cents int, minimum_charge_cents int, description text)
       RETURNING id, version, code AS key`,
      [json(data), ctx.actorId, ctx.at],
    );
    return written;
  },
  async update(tx, rows, ctx) {
    // The pricing unit of an existing service stays: order lines priced per kg must not turn per item.
    const data = rows.map((r) => {
      const v = r.values as ServiceValues;
      return { id: r.recordId, name: v.name, name_en: v.nameEn ?? null, price_cents: v.priceCents, minimum_charge_cents: v.minimumChargeCents ?? null, description: v.description ?? null };
    });
    const { rows: written } = await tx.query<Written>(
      `UPDATE laundry_services s SET name = r.name, name_en = COALESCE(r.name_en, s.name_en), price_cents = r.price_cents,
              minimum_charge_cents = COALESCE(r.minimum_charge_cents, s.minimum_charge_cents), description = COALESCE(r.description, s.description),
              updated_by = $2, version = s.version + 1, updated_at = $3
         FROM jsonb_to_recordset($1::jsonb) AS r (id bigint, name text, name_en text, price_cents int, minimum_charge_cents int, description text)
        WHERE s.id = r.id
       RETURNING s.id, s.version, s.id::text AS key`,
      [json(data), ctx.actorId, ctx.at],
    );
    return written;
  },
};

const WRITERS: Record<ImportKindValue, KindWriter> = { clients, properties, services };
