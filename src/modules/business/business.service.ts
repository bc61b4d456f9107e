import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Db, Queryable } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { Actor } from '../../lib/request-context.js';
import { AppError, badRequest } from '../../lib/app-error.js';
import { normalizePhone } from '../../lib/phone.js';
import type { BusinessDto, PublicBusinessDto, UpdateBusinessInput } from '../../contracts/business.js';
import type { AuditService } from '../audit/audit.service.js';
import type { BusinessFields, BusinessRepository, BusinessRow } from './business.repository.js';
import { renderLogo } from './business-logo.js';

/** What documents print at their top: the legal name when there is one. */
export interface BusinessOnDocuments {
  name: string;
  address: string;
  nif: string;
  phone: string;
  email: string;
}

/** The public and e-mail view of the identity: the trading name and how to reach the business. */
export interface Brand {
  name: string;
  address: string;
  phone: string;
  email: string;
}

const LOGO_FILE = /^[0-9a-f-]{36}\.png$/;
/** Every field of the identity, kept in the audit log with its values (business data, not personal). */
const BUSINESS_VALUE_FIELDS = ['name', 'legalName', 'address', 'nif', 'phone', 'email', 'logo'] as const;

const conflict = () => new AppError(409, 'VERSION_CONFLICT', 'Someone else changed the business details meanwhile. Reload and try again.');

function auditView(row: BusinessRow) {
  return { name: row.name, legalName: row.legal_name, address: row.address, nif: row.nif, phone: row.phone, email: row.email, logo: row.logo_file !== null };
}

function fieldsOf(row: BusinessRow): BusinessFields {
  return { name: row.name, legal_name: row.legal_name, address: row.address, nif: row.nif, phone: row.phone, email: row.email, logo_file: row.logo_file };
}

export interface BusinessDeps {
  db: Db;
  repo: BusinessRepository;
  clock: Clock;
  logger: Logger;
  audit: AuditService;
  /** Where the logo is kept (under DATA_DIR). */
  logoDir: string;
}

/**
 * The business's identity: read fresh on every use (no cache to expire across instances), edited as a
 * whole by the owner with its version, every change in the audit log.
 */
export function createBusinessService({ db, repo, clock, logger, audit, logoDir }: BusinessDeps) {
  const logoUrl = (row: BusinessRow) => (row.logo_file ? `/api/business/logo?v=${row.version}` : null);

  function publicView(row: BusinessRow): PublicBusinessDto {
    return { name: row.name, address: row.address, phone: row.phone, email: row.email, logoUrl: logoUrl(row) };
  }

  function fullView(row: BusinessRow): BusinessDto {
    return { ...publicView(row), legalName: row.legal_name, nif: row.nif, version: row.version, updatedAt: row.updated_at.toISOString(), updatedBy: row.updated_by };
  }

  /** Writes the new fields with the audit entry; the old logo file goes after commit when it was replaced. */
  async function write(actor: Actor, expected: number, change: (current: BusinessRow) => BusinessFields): Promise<{ row: BusinessRow; before: BusinessRow }> {
    return db.transaction(async (tx) => {
      const before = await repo.get(tx, true);
      if (before.version !== expected) throw conflict();
      const row = await repo.write(tx, change(before), expected, actor.type === 'user' ? actor.id : null, clock.now());
      if (!row) throw conflict();
      await audit.record(tx, { action: 'update', entity: 'business', entityId: '1', before: auditView(before), after: auditView(row), valueFields: BUSINESS_VALUE_FIELDS });
      return { row, before };
    });
  }

  async function removeFile(file: string | null) {
    if (!file || !LOGO_FILE.test(file)) return;
    await fsp.rm(path.join(logoDir, file), { force: true }).catch((err: unknown) => logger.warn({ err, file }, 'An old business logo could not be removed'));
  }

  return {
    async publicView(q: Queryable = db): Promise<PublicBusinessDto> {
      return publicView(await repo.get(q));
    },

    async view(q: Queryable = db): Promise<BusinessDto> {
      return fullView(await repo.get(q));
    },

    /** The identity as receipts and statements print it. */
    async onDocuments(q: Queryable = db): Promise<BusinessOnDocuments> {
      const row = await repo.get(q);
      return { name: row.legal_name || row.name, address: row.address, nif: row.nif, phone: row.phone, email: row.email };
    },

    async brand(q: Queryable = db): Promise<Brand> {
      const row = await repo.get(q);
      return { name: row.name, address: row.address, phone: row.phone, email: row.email };
    },

    async update(actor: Actor, input: UpdateBusinessInput): Promise<BusinessDto> {
      let phone = '';
      if (input.phone !== '') {
        const normalized = normalizePhone(input.phone);
        if (!normalized) {
          throw badRequest('VALIDATION_FAILED', 'Invalid body.phone: not a phone number', [{ path: 'body.phone', message: 'not a phone number', code: 'custom' }]);
        }
        phone = normalized;
      }
      const { row } = await write(actor, input.version, (current) => ({
        name: input.name,
        legal_name: input.legalName,
        address: input.address,
        nif: input.nif,
        phone,
        email: input.email,
        logo_file: current.logo_file,
      }));
      return fullView(row);
    },

    /** Replaces the logo with the uploaded file (re-encoded); the previous one is removed after commit. */
    async setLogo(actor: Actor, upload: { path: string } | undefined, expected: number): Promise<BusinessDto> {
      if (!upload) throw badRequest('NO_FILES', 'Send the logo in the "logo" field.');
      const png = await renderLogo(upload.path);
      const file = `${crypto.randomUUID()}.png`;
      try {
        await fsp.mkdir(logoDir, { recursive: true });
        await fsp.writeFile(path.join(logoDir, file), png, { mode: 0o640 });
      } catch (err) {
        logger.error({ err }, 'The business logo could not be stored');
        throw new AppError(503, 'STORAGE_UNAVAILABLE', 'The logo cannot be stored right now. Try again shortly.', undefined, { 'Retry-After': '30' });
      }
      try {
        const { row, before } = await write(actor, expected, (current) => ({ ...fieldsOf(current), logo_file: file }));
        await removeFile(before.logo_file);
        return fullView(row);
      } catch (err) {
        await removeFile(file);
        throw err;
      }
    },

    async removeLogo(actor: Actor, expected: number): Promise<BusinessDto> {
      const { row, before } = await write(actor, expected, (current) => ({ ...fieldsOf(current), logo_file: null }));
      await removeFile(before.logo_file);
      return fullView(row);
    },

    /** The stored logo's bytes and a tag for caches, or null when there is none. */
    async logo(): Promise<{ bytes: Buffer; etag: string } | null> {
      const row = await repo.get(db);
      if (!row.logo_file || !LOGO_FILE.test(row.logo_file)) return null;
      try {
        return { bytes: await fsp.readFile(path.join(logoDir, row.logo_file)), etag: `"${row.logo_file.slice(0, 36)}"` };
      } catch (err) {
        logger.warn({ err }, 'The business logo file is missing');
        return null;
      }
    },

    /** The installed app's manifest: the business's name, the app's own icons. */
    async manifest(): Promise<Record<string, unknown>> {
      const row = await repo.get(db);
      const shortName = row.name.length <= 12 ? row.name : row.name.split(/\s+/)[0]!.slice(0, 12);
      return {
        name: row.name,
        short_name: shortName,
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f6f7fb',
        theme_color: '#142f63',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }, ...(row.logo_file ? [{ src: logoUrl(row), sizes: '512x512', type: 'image/png', purpose: 'any' }] : [])],
      };
    },
  };
}

export type BusinessService = ReturnType<typeof createBusinessService>;
