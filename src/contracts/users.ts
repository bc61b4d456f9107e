import { z } from 'zod';
import { CalendarDate, RecordVersion } from './primitives.js';
import { isValidNif } from '../lib/nif.js';
import { Locale } from './auth.js';

/**
 * Staff accounts, and the person fields staff and clients share. Pure: no Node or server imports.
 * Request bodies are strict: an unknown field is a 400, never silently dropped (docs/adr).
 */

export const STAFF_ROLES = ['master', 'admin', 'worker'] as const;
export const StaffRole = z.enum(STAFF_ROLES).meta({ id: 'StaffRole' });

export const Username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,50}$/, '3–50 letters, digits, dots, dashes or underscores');
export const PersonName = z.string().trim().min(2, 'at least 2 characters').max(120);
export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email('not a valid e-mail address'));
export const Nif = z
  .string()
  .trim()
  .refine(isValidNif, 'not a valid Portuguese NIF (9 digits with a valid check digit)')
  .meta({ example: '123456789' });
export const DateOfBirth = CalendarDate.refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), 'must be a past date after 1900');
/** A phone as typed: normalised to E.164 by the server (a bare 9-digit number is Portuguese). */
export const PhoneInput = z.string().trim().min(1, 'required').max(32).meta({ example: '912 345 678' });
/** The version the edit was based on; a stale one is answered 409 VERSION_CONFLICT. */
export const Version = RecordVersion.meta({ description: 'The `version` of the record as last read.' });

export const User = z
  .object({
    id: z.number().int(),
    username: z.string(),
    role: StaffRole,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    dateOfBirth: z.string().nullable(),
    nif: z.string().nullable(),
    locale: Locale,
    isActive: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'User' });

export const CreateUserBody = z
  .object({
    username: Username,
    role: StaffRole,
    name: PersonName,
    email: Email.nullable().optional(),
    phone: PhoneInput.nullable().optional(),
    dateOfBirth: DateOfBirth.nullable().optional(),
    nif: Nif.nullable().optional(),
    locale: Locale.optional(),
  })
  .strict()
  .meta({ id: 'CreateUserBody', example: { username: 'joana.worker', role: 'worker', name: 'Joana Marques', phone: '912345678' } });

export const UpdateUserBody = z
  .object({
    version: Version,
    username: Username.optional(),
    role: StaffRole.optional(),
    name: PersonName.optional(),
    email: Email.nullable().optional(),
    phone: PhoneInput.nullable().optional(),
    dateOfBirth: DateOfBirth.nullable().optional(),
    nif: Nif.nullable().optional(),
    locale: Locale.optional(),
  })
  .strict()
  .meta({ id: 'UpdateUserBody' });

export const UserWithTemporaryPassword = z
  .object({
    user: User,
    temporaryPassword: z.string().meta({ description: 'Shown once; the account must change it at first sign-in.' }),
  })
  .meta({ id: 'UserWithTemporaryPassword' });

export const RoleType = z
  .object({
    role: StaffRole,
    description: z.string(),
    assignable: z.boolean().meta({ description: 'Whether the caller may give this role to a new or edited account.' }),
  })
  .meta({ id: 'RoleType' });

export type UserDto = z.infer<typeof User>;
export type CreateUserInput = z.infer<typeof CreateUserBody>;
export type UpdateUserInput = z.infer<typeof UpdateUserBody>;
export type StaffRoleName = z.infer<typeof StaffRole>;
