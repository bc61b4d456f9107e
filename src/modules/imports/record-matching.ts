import type { Queryable } from '../../db/pool.js';
import type { DuplicateOfDto, ImportKindValue, RowErrorDto } from '../../contracts/imports.js';
import type { ClientValues, PropertyValues, RowValues, ServiceValues } from './row-checks.js';

export interface CheckedLine {
  line: number;
  cells: string[];
  values: RowValues;
  errors: RowErrorDto[];
}

export interface MatchedLine extends CheckedLine {
  outcome: 'valid' | 'invalid' | 'duplicate';
  duplicateOf: DuplicateOfDto | null;
  /** The existing record a duplicate matches (updated when the commit says so). */
  recordId: number | null;
  /** A property's client. */
  clientId: number | null;
}

const columnOf = (columns: ReadonlyArray<string | null>, field: string) => {
  const i = columns.indexOf(field);
  return i >= 0 ? i : null;
};

/** Remembers the first line of the file that used each key, so later repeats point back to it. */
class FirstSeen {
  private readonly seen = new Map<string, number>();
  check(field: string, key: string | undefined, line: number): DuplicateOfDto | null {
    if (!key) return null;
    const id = `${field}\u0000${key}`;
    const first = this.seen.get(id);
    if (first !== undefined) return { field, line: first };
    this.seen.set(id, line);
    return null;
  }
}

/**
 * Duplicates against the records already kept (a client by phone, NIF or e-mail; a property by its
 * client, first address line and postal code; a service by code) and against earlier lines of the
 * same file. A row that matches two different records is invalid: which one it means cannot be told.
 */
export async function matchRows(q: Queryable, kind: ImportKindValue, rows: CheckedLine[], columns: ReadonlyArray<string | null>): Promise<MatchedLine[]> {
  if (kind === 'clients') return matchClients(q, rows);
  if (kind === 'properties') return matchProperties(q, rows, columns);
  return matchServices(q, rows);
}

function settle(row: CheckedLine, matches: Array<{ field: string; id: number }>, inFile: DuplicateOfDto | null, clientId: number | null = null): MatchedLine {
  const base = { ...row, clientId, recordId: null, duplicateOf: null };
  if (row.errors.length > 0) return { ...base, outcome: 'invalid' };
  const ids = [...new Set(matches.map((m) => m.id))];
  if (ids.length > 1) {
    const which = matches.map((m) => `${m.field} → #${m.id}`).join(', ');
    return { ...base, outcome: 'invalid', errors: [{ field: null, column: null, code: 'AMBIGUOUS_MATCH', message: `matches more than one existing record (${which})` }] };
  }
  if (inFile) return { ...base, outcome: 'duplicate', duplicateOf: inFile };
  if (ids.length === 1) return { ...base, outcome: 'duplicate', recordId: ids[0]!, duplicateOf: { field: matches[0]!.field, recordId: ids[0]! } };
  return { ...base, outcome: 'valid' };
}

async function matchClients(q: Queryable, rows: CheckedLine[]): Promise<MatchedLine[]> {
  const clean = rows.filter((r) => r.errors.length === 0).map((r) => r.values as ClientValues);
  const { rows: existing } = await q.query<{ id: number; phone: string; nif: string | null; email: string | null }>(
    `SELECT id, phone, nif, lower(email) AS email FROM clients
      WHERE anonymized_at IS NULL AND (phone = ANY($1::text[]) OR nif = ANY($2::text[]) OR lower(email) = ANY($3::text[]))`,
    [clean.map((v) => v.phone), clean.flatMap((v) => v.nif ?? []), clean.flatMap((v) => v.email ?? [])],
  );
  const byPhone = new Map(existing.map((c) => [c.phone, c.id]));
  const byNif = new Map(existing.filter((c) => c.nif).map((c) => [c.nif!, c.id]));
  const byEmail = new Map(existing.filter((c) => c.email).map((c) => [c.email!, c.id]));
  const seen = new FirstSeen();
  return rows.map((row) => {
    if (row.errors.length > 0) return settle(row, [], null);
    const v = row.values as ClientValues;
    const matches: Array<{ field: string; id: number }> = [];
    if (byPhone.has(v.phone)) matches.push({ field: 'phone', id: byPhone.get(v.phone)! });
    if (v.nif && byNif.has(v.nif)) matches.push({ field: 'nif', id: byNif.get(v.nif)! });
    if (v.email && byEmail.has(v.email)) matches.push({ field: 'email', id: byEmail.get(v.email)! });
    const inFile = [seen.check('phone', v.phone, row.line), seen.check('nif', v.nif, row.line), seen.check('email', v.email, row.line)].find(Boolean) ?? null;
    return settle(row, matches, inFile);
  });
}

const addressKey = (clientId: number, line1: string, postalCode: string) => `${clientId}|${line1.toLowerCase().replace(/\s+/g, ' ')}|${postalCode}`;

async function matchProperties(q: Queryable, rows: CheckedLine[], columns: ReadonlyArray<string | null>): Promise<MatchedLine[]> {
  const clean = rows.filter((r) => r.errors.length === 0).map((r) => r.values as PropertyValues);
  const { rows: clients } = await q.query<{ id: number; phone: string; nif: string | null }>(
    `SELECT id, phone, nif FROM clients WHERE anonymized_at IS NULL AND (phone = ANY($1::text[]) OR nif = ANY($2::text[]))`,
    [clean.flatMap((v) => v.clientPhone ?? []), clean.flatMap((v) => v.clientNif ?? [])],
  );
  const byPhone = new Map(clients.map((c) => [c.phone, c.id]));
  const nifOwners = new Map<string, number[]>();
  for (const c of clients) if (c.nif) nifOwners.set(c.nif, [...(nifOwners.get(c.nif) ?? []), c.id]);

  const resolved = rows.map((row) => {
    if (row.errors.length > 0) return { row, clientId: null as number | null };
    const v = row.values as PropertyValues;
    const viaPhone = v.clientPhone ? byPhone.get(v.clientPhone) : undefined;
    const viaNif = v.clientNif ? nifOwners.get(v.clientNif) : undefined;
    const field = v.clientPhone ? 'clientPhone' : 'clientNif';
    const notFound = (message: string): RowErrorDto => ({ field, column: columnOf(columns, field), code: 'CLIENT_NOT_FOUND', message });
    if (v.clientPhone && viaPhone === undefined) return { row: { ...row, errors: [notFound('no client has this phone number')] }, clientId: null };
    if (!v.clientPhone && viaNif === undefined) return { row: { ...row, errors: [notFound('no client has this NIF')] }, clientId: null };
    if (viaPhone !== undefined && viaNif && !viaNif.includes(viaPhone)) {
      const error: RowErrorDto = { field: 'clientNif', column: columnOf(columns, 'clientNif'), code: 'AMBIGUOUS_MATCH', message: 'the phone and the NIF belong to different clients' };
      return { row: { ...row, errors: [error] }, clientId: null };
    }
    if (viaPhone === undefined && viaNif && viaNif.length > 1) {
      const error: RowErrorDto = { field: 'clientNif', column: columnOf(columns, 'clientNif'), code: 'AMBIGUOUS_MATCH', message: 'more than one client has this NIF; give the phone' };
      return { row: { ...row, errors: [error] }, clientId: null };
    }
    return { row, clientId: viaPhone ?? viaNif![0]! };
  });

  const clientIds = [...new Set(resolved.flatMap((r) => (r.clientId === null ? [] : [r.clientId])))];
  const { rows: existing } = await q.query<{ id: number; client_id: number; address_line1: string; postal_code: string }>(
    `SELECT id, client_id, address_line1, postal_code FROM properties WHERE client_id = ANY($1::bigint[])`,
    [clientIds],
  );
  const byAddress = new Map(existing.map((p) => [addressKey(p.client_id, p.address_line1, p.postal_code), p.id]));
  const seen = new FirstSeen();
  return resolved.map(({ row, clientId }) => {
    if (clientId === null) return settle(row, [], null);
    const v = row.values as PropertyValues;
    const key = addressKey(clientId, v.addressLine1, v.postalCode);
    const match = byAddress.get(key);
    return settle(row, match === undefined ? [] : [{ field: 'address', id: match }], seen.check('address', key, row.line), clientId);
  });
}

async function matchServices(q: Queryable, rows: CheckedLine[]): Promise<MatchedLine[]> {
  const codes = rows.filter((r) => r.errors.length === 0).map((r) => (r.values as ServiceValues).code);
  const { rows: existing } = await q.query<{ id: number; code: string }>(`SELECT id, code FROM laundry_services WHERE code = ANY($1::text[])`, [codes]);
  const byCode = new Map(existing.map((s) => [s.code, s.id]));
  const seen = new FirstSeen();
  return rows.map((row) => {
    if (row.errors.length > 0) return settle(row, [], null);
    const v = row.values as ServiceValues;
    const match = byCode.get(v.code);
    return settle(row, match === undefined ? [] : [{ field: 'code', id: match }], seen.check('code', v.code, row.line));
  });
}
