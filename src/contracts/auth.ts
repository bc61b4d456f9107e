import { z } from 'zod';

/** Sign-in and session shapes shared by the server and the web app. Pure: no Node or server imports. */

export const LOCALES = ['pt', 'en'] as const;
export const Locale = z.enum(LOCALES).meta({ id: 'Locale', description: 'Interface language: pt (pt-PT) or en.' });

export const LoginUserBody = z
  .object({
    // Only the alphabet usernames are made of (the database enforces it): anything else is refused before
    // any lookup, so no Unicode look-alike is folded onto an account by PostgreSQL's lower() (issue 16 §1).
    username: z
      .string()
      .trim()
      .min(1, 'required')
      .max(50)
      .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dots, dashes or underscores'),
    password: z.string().min(1, 'required').max(1024),
  })
  .meta({ id: 'LoginUserBody', example: { username: 'master', password: 'master123' } });

export const LoginClientBody = z
  .object({
    phone: z.string().trim().min(1, 'required').max(32),
    password: z.string().min(1, 'required').max(1024),
  })
  .meta({ id: 'LoginClientBody', example: { phone: '911111111', password: 'lavandaria2025' } });

export const ChangePasswordBody = z
  .object({
    currentPassword: z.string().min(1, 'required').max(1024),
    newPassword: z.string().min(1, 'required').max(1024),
  })
  .meta({ id: 'ChangePasswordBody' });

export const UpdateProfileBody = z
  .object({
    name: z.string().trim().min(2).max(120).optional(),
    locale: Locale.optional(),
  })
  .strict()
  .meta({ id: 'UpdateProfileBody' });

export const Principal = z
  .object({
    id: z.number().int(),
    type: z.enum(['user', 'client']),
    role: z.enum(['master', 'admin', 'worker', 'client']),
    name: z.string(),
    username: z.string().nullable(),
    phone: z.string().nullable(),
    locale: Locale,
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'Principal' });

export type LoginUserInput = z.infer<typeof LoginUserBody>;
export type LoginClientInput = z.infer<typeof LoginClientBody>;
export type ChangePasswordInput = z.infer<typeof ChangePasswordBody>;
export type UpdateProfileInput = z.infer<typeof UpdateProfileBody>;
export type PrincipalDto = z.infer<typeof Principal>;
export type LocaleCode = z.infer<typeof Locale>;
