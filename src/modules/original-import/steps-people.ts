import * as convert from './convert.js';
import { bool, date, str, num, type Step } from './step.js';

/** No password verifies against it: an account the earlier system kept without a password. */
const NO_PASSWORD = '!imported';
/** The context the properties module encrypts access instructions under. */
const ACCESS_INSTRUCTIONS_CONTEXT = 'properties.access_instructions';

const passwordHash = (value: string | null) => (value && value.startsWith('$2') ? value : NO_PASSWORD);

export const usersStep: Step = {
  entity: 'user',
  table: 'users',
  select: (s) =>
    [
      't.id', 't.username', 't.password', 't.name', s.col('users', 'email'), s.col('users', 'phone'), s.col('users', 'date_of_birth'),
      s.col('users', 'nif'), s.col('users', 'is_active'), s.ts('users', 'created_at'), s.ts('users', 'updated_at'), s.col('users', 'created_by'),
      s.has('users', 'role_id') && s.has('role_types') ? 'r.role_name AS role' : s.col('users', 'role'),
    ].join(', '),
  from: (s) => (s.has('users', 'role_id') && s.has('role_types') ? 'users t LEFT JOIN role_types r ON r.id = t.role_id' : 'users t'),
  async importRows(ctx, rows) {
    for (const r of rows) {
      await ctx.row(r.id, async () => {
        const role = str(r, 'role');
        if (role !== 'master' && role !== 'admin' && role !== 'worker') return { skipped: `unknown role ${role ?? '(none)'}` };
        const username = convert.username(str(r, 'username') ?? `user${r.id}`);
        // One master here: the earlier system's is the same person as the one who set this system up.
        const existing = await ctx.tx.query<{ id: number }>(
          role === 'master' ? `SELECT id FROM users WHERE role = 'master'` : `SELECT id FROM users WHERE lower(username) = lower($1)`,
          role === 'master' ? [] : [username],
        );
        if (existing.rows[0]) {
          await ctx.ids.set('user', r.id, existing.rows[0].id);
          return 'matched';
        }
        if (username !== str(r, 'username')) ctx.report.notes.push({ id: r.id, note: `username "${str(r, 'username')}" became "${username}"` });
        const email = convert.email(str(r, 'email'));
        const nif = convert.nif(str(r, 'nif'));
        const phone = convert.phone(str(r, 'phone'));
        if (str(r, 'email') && !email) ctx.report.notes.push({ id: r.id, note: 'e-mail dropped: not a valid address' });
        if (str(r, 'nif') && !nif) ctx.report.notes.push({ id: r.id, note: 'NIF dropped: wrong check digit' });
        if (str(r, 'phone') && !phone) ctx.report.notes.push({ id: r.id, note: 'phone dropped: not a phone number' });
        const active = bool(r, 'is_active', true);
        const created = date(r, 'created_at') ?? new Date();
        const { rows: made } = await ctx.tx.query<{ id: number }>(
          `INSERT INTO users (username, password_hash, role, name, email, phone, date_of_birth, nif, is_active, deactivated_at, created_by, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
          [username, passwordHash(str(r, 'password')), role, convert.text(str(r, 'name'), 120) ?? username, email, phone, str(r, 'date_of_birth'), nif,
            active, active ? null : (date(r, 'updated_at') ?? created), ctx.ids.get('user', num(r, 'created_by')) ?? null, created, date(r, 'updated_at') ?? created],
        );
        await ctx.ids.set('user', r.id, made[0]!.id);
        return 'imported';
      });
    }
  },
};

export const clientsStep: Step = {
  entity: 'client',
  table: 'clients',
  select: (s) =>
    ['t.id', 't.phone', 't.password', 't.name', 'email', 'date_of_birth', 'nif', 'notes', 'is_enterprise', 'company_name', 'is_active', 'must_change_password', 'created_by']
      .map((c) => (c.startsWith('t.') ? c : s.col('clients', c)))
      .concat([s.ts('clients', 'created_at'), s.ts('clients', 'updated_at')])
      .join(', '),
  async importRows(ctx, rows) {
    for (const r of rows) {
      await ctx.row(r.id, async () => {
        const phone = convert.phone(str(r, 'phone'));
        if (!phone) return { skipped: 'phone is not a phone number (the login needs one): fix it in the earlier system and run again' };
        const existing = await ctx.tx.query<{ id: number }>(`SELECT id FROM clients WHERE phone = $1`, [phone]);
        if (existing.rows[0]) {
          await ctx.ids.set('client', r.id, existing.rows[0].id);
          return 'matched';
        }
        const email = convert.email(str(r, 'email'));
        const nif = convert.nif(str(r, 'nif'));
        if (str(r, 'email') && !email) ctx.report.notes.push({ id: r.id, note: 'e-mail dropped: not a valid address' });
        if (str(r, 'nif') && !nif) ctx.report.notes.push({ id: r.id, note: 'NIF dropped: wrong check digit' });
        const name = convert.text(str(r, 'name'), 120) ?? 'Cliente';
        const enterprise = bool(r, 'is_enterprise', false);
        const active = bool(r, 'is_active', true);
        const created = date(r, 'created_at') ?? new Date();
        const { rows: made } = await ctx.tx.query<{ id: number }>(
          `INSERT INTO clients (phone, password_hash, name, email, date_of_birth, nif, notes, is_enterprise, company_name, is_active, deactivated_at,
                                must_change_password, created_by, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
          [phone, passwordHash(str(r, 'password')), name, email, str(r, 'date_of_birth'), nif, convert.text(str(r, 'notes'), 2000), enterprise,
            convert.text(str(r, 'company_name'), 200) ?? (enterprise ? name : null), active, active ? null : (date(r, 'updated_at') ?? created),
            bool(r, 'must_change_password', true), ctx.ids.get('user', num(r, 'created_by')) ?? null, created, date(r, 'updated_at') ?? created],
        );
        await ctx.ids.set('client', r.id, made[0]!.id);
        return 'imported';
      });
    }
  },
};

export const propertiesStep: Step = {
  entity: 'property',
  table: 'properties',
  select: (s) =>
    [
      't.id', 't.client_id', 't.address_line1', 't.city', s.col('properties', 'property_name'), s.col('properties', 'name', 'v1_name'),
      s.col('properties', 'address_line2'), s.col('properties', 'postal_code'), s.col('properties', 'district'), s.col('properties', 'access_instructions'),
      s.col('properties', 'is_primary'), s.col('properties', 'is_active'), s.ts('properties', 'created_at'), s.ts('properties', 'updated_at'),
      s.has('properties', 'property_type_id') && s.has('property_types') ? 'pt.type_name AS property_type' : s.col('properties', 'property_type'),
    ].join(', '),
  from: (s) => (s.has('properties', 'property_type_id') && s.has('property_types') ? 'properties t LEFT JOIN property_types pt ON pt.id = t.property_type_id' : 'properties t'),
  async importRows(ctx, rows) {
    for (const r of rows) {
      await ctx.row(r.id, async () => {
        const clientId = ctx.ids.get('client', num(r, 'client_id'));
        if (clientId === undefined) return { skipped: 'its client was not imported' };
        const postal = convert.postalCode(str(r, 'postal_code'));
        if (!postal) return { skipped: 'postal code missing or not NNNN-NNN: fix it in the earlier system and run again' };
        const district = convert.district(str(r, 'district'), str(r, 'city'));
        if (!district) return { skipped: 'no district, and the city names none: fix it in the earlier system and run again' };
        if (!str(r, 'district')) ctx.report.notes.push({ id: r.id, note: `district taken from the city (${district})` });
        const line1 = convert.text(str(r, 'address_line1'), 200)!;
        const { rows: primary } = await ctx.tx.query(`SELECT 1 FROM properties WHERE client_id = $1 AND is_primary`, [clientId]);
        const access = convert.text(str(r, 'access_instructions'), 2000);
        const created = date(r, 'created_at') ?? new Date();
        const { rows: made } = await ctx.tx.query<{ id: number }>(
          `INSERT INTO properties (client_id, name, address_line1, address_line2, city, postal_code, district, property_type, access_instructions_enc,
                                   is_primary, is_active, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
          [clientId, convert.text(str(r, 'property_name') ?? str(r, 'v1_name'), 120) ?? line1.slice(0, 120), line1, convert.text(str(r, 'address_line2'), 200),
            convert.text(str(r, 'city'), 100), postal, district, convert.propertyType(str(r, 'property_type')),
            access ? ctx.cipher.encrypt(access, ACCESS_INSTRUCTIONS_CONTEXT) : null, bool(r, 'is_primary', false) && primary.length === 0,
            bool(r, 'is_active', true), created, date(r, 'updated_at') ?? created],
        );
        await ctx.ids.set('property', r.id, made[0]!.id);
        return 'imported';
      });
    }
  },
  // A client whose properties came without a primary gets its oldest as primary (one per client here).
  async finish(ctx) {
    await ctx.tx.query(
      `UPDATE properties SET is_primary = true WHERE id IN (
         SELECT DISTINCT ON (p.client_id) p.id FROM properties p
           JOIN original_import_map m ON m.entity = 'property' AND m.new_id = p.id
          WHERE NOT EXISTS (SELECT 1 FROM properties o WHERE o.client_id = p.client_id AND o.is_primary)
          ORDER BY p.client_id, p.created_at, p.id)`,
    );
  },
};
