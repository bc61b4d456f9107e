import { z } from 'zod';
import { isValidNif } from '../lib/nif.js';
import { RecordVersion } from './primitives.js';

/**
 * The business's identity (issue 18): one name, address, NIF, phone, e-mail and logo used by the landing
 * page, receipts and statements, e-mails, the installed app's manifest and the page titles. Pure: no
 * Node or server imports.
 */

/** The logo: PNG or JPEG (checked from the bytes), at most 2 MB, stored re-encoded as PNG. */
export const BUSINESS_LOGO_LIMITS = { bytes: 2 * 1024 * 1024, maxPixels: 40_000_000, edge: 512 } as const;

/** What anyone may read (the landing page before sign-in, the manifest): the public contact details. */
export const PublicBusiness = z
  .object({
    name: z.string(),
    address: z.string().meta({ description: 'May span lines.' }),
    phone: z.string().meta({ description: 'E.164, or empty.' }),
    email: z.string(),
    logoUrl: z.string().nullable().meta({ description: 'The uploaded logo (PNG); null: the built-in mark.' }),
  })
  .meta({ id: 'PublicBusiness' });

export const Business = PublicBusiness.extend({
  legalName: z.string().meta({ description: 'Printed on documents; empty: the name.' }),
  nif: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.number().int().nullable(),
}).meta({ id: 'Business' });

const text = (max: number) => z.string().trim().max(max);

/** The whole identity with the version it was based on (a stale one is 409 VERSION_CONFLICT). */
export const UpdateBusinessBody = z
  .object({
    version: RecordVersion,
    name: text(120).min(1, 'required'),
    legalName: text(200),
    address: text(500),
    nif: z
      .string()
      .transform((v) => v.replace(/\s/g, ''))
      .refine((v) => v === '' || isValidNif(v), 'not a valid Portuguese NIF (9 digits with a valid check digit)'),
    phone: text(32).meta({ description: 'As typed (a bare 9-digit number is Portuguese); stored in E.164. Empty: none.' }),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .refine((v) => v === '' || z.email().safeParse(v).success, 'not a valid e-mail address'),
  })
  .strict()
  .meta({
    id: 'UpdateBusinessBody',
    example: { version: 1, name: 'Lavandaria Aurora', legalName: 'Aurora Limpezas, Lda.', address: 'Rua Augusta 1\n1100-048 Lisboa', nif: '508123453', phone: '213 456 789', email: 'ola@aurora.pt' },
  });

export type PublicBusinessDto = z.infer<typeof PublicBusiness>;
export type BusinessDto = z.infer<typeof Business>;
export type UpdateBusinessInput = z.infer<typeof UpdateBusinessBody>;

/** The logo upload (multipart): the file and the identity's version as last read. */
export const UploadBusinessLogoForm = z
  .object({
    logo: z.string().meta({ format: 'binary', description: 'A PNG or JPEG file, at most 2 MB.' }).optional(),
    version: z.coerce.number().int().min(1).max(2_147_483_647),
  })
  .strict()
  .meta({ id: 'UploadBusinessLogoForm' });

export const RemoveBusinessLogoQuery = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) }).strict();
