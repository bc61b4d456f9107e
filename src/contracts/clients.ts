import { z } from 'zod';
import { Locale } from './auth.js';
import { DateOfBirth, Email, Nif, PersonName, PhoneInput, Version } from './users.js';

/** How a client pays (issue 19 §5): each order or job, or on account with a statement on the 1st. */
export const ClientBilling = z.enum(['per_document', 'monthly']);

/** Clients (customers) as each role may see them. Pure: no Node or server imports. */

export const Client = z
  .object({
    id: z.number().int(),
    phone: z.string().meta({ description: 'E.164, e.g. +351912345678 — the login.' }),
    name: z.string(),
    email: z.string().nullable(),
    dateOfBirth: z.string().nullable(),
    nif: z.string().nullable(),
    notes: z.string().nullable().meta({ description: 'Internal staff notes; never shown to the client or to workers.' }),
    isEnterprise: z.boolean(),
    companyName: z.string().nullable(),
    locale: Locale,
    billing: ClientBilling.meta({ description: 'monthly: not asked to pay at collection; a statement is issued and e-mailed on the 1st (Lisbon).' }),
    remindersExcluded: z.boolean().meta({ description: 'No reminders of overdue documents are sent to this client.' }),
    isActive: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    anonymizedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Client' });

/** What a client sees of themselves: everything but the staff's notes. */
export const OwnClientProfile = Client.omit({ notes: true }).meta({ id: 'OwnClientProfile' });

/** What a worker may see of a client on one of their jobs: how to reach them, nothing more. */
export const ClientContactCard = z
  .object({ id: z.number().int(), name: z.string(), companyName: z.string().nullable(), phone: z.string(), email: z.string().nullable() })
  .meta({ id: 'ClientContactCard' });

const companyNeeded = (v: { isEnterprise?: boolean | undefined; companyName?: string | null | undefined }, ctx: z.RefinementCtx) => {
  if (v.isEnterprise === true && (v.companyName === null || v.companyName === undefined || v.companyName === '')) {
    ctx.addIssue({ code: 'custom', path: ['companyName'], message: 'required for an enterprise client' });
  }
};

export const CompanyName = z.string().trim().min(2).max(200);
export const Notes = z.string().trim().max(2000);

export const CreateClientBody = z
  .object({
    phone: PhoneInput,
    name: PersonName,
    email: Email.nullable().optional(),
    dateOfBirth: DateOfBirth.nullable().optional(),
    nif: Nif.nullable().optional(),
    notes: Notes.nullable().optional(),
    isEnterprise: z.boolean().optional(),
    companyName: CompanyName.nullable().optional(),
    locale: Locale.optional(),
    billing: ClientBilling.optional(),
    remindersExcluded: z.boolean().optional(),
  })
  .strict()
  .superRefine(companyNeeded)
  .meta({ id: 'CreateClientBody', example: { phone: '912345678', name: 'Joana Ribeiro', email: 'joana.ribeiro@example.pt', nif: '245678915' } });

export const UpdateClientBody = z
  .object({
    version: Version,
    phone: PhoneInput.optional(),
    name: PersonName.optional(),
    email: Email.nullable().optional(),
    dateOfBirth: DateOfBirth.nullable().optional(),
    nif: Nif.nullable().optional(),
    notes: Notes.nullable().optional(),
    isEnterprise: z.boolean().optional(),
    companyName: CompanyName.nullable().optional(),
    locale: Locale.optional(),
    billing: ClientBilling.optional(),
    remindersExcluded: z.boolean().optional(),
  })
  .strict()
  .superRefine(companyNeeded)
  .meta({ id: 'UpdateClientBody' });

/** A client editing themselves: not the phone (their login) nor the NIF (used on receipts), nor how they are billed. */
export const UpdateOwnProfileBody = z
  .object({
    version: Version,
    name: PersonName.optional(),
    email: Email.nullable().optional(),
    dateOfBirth: DateOfBirth.nullable().optional(),
    locale: Locale.optional(),
  })
  .strict()
  .meta({ id: 'UpdateOwnClientProfileBody' });

export const ClientWithTemporaryPassword = z
  .object({
    client: Client,
    temporaryPassword: z.string().meta({ description: 'Shown once; the client must change it at first sign-in.' }),
  })
  .meta({ id: 'ClientWithTemporaryPassword' });

export const ResetLink = z
  .object({
    url: z.string().meta({ description: 'One-time link to hand to the client; shown once.' }),
    expiresAt: z.string(),
  })
  .meta({ id: 'ResetLink' });

export type ClientDto = z.infer<typeof Client>;
export type OwnClientProfileDto = z.infer<typeof OwnClientProfile>;
export type ClientContactCardDto = z.infer<typeof ClientContactCard>;
export type CreateClientInput = z.infer<typeof CreateClientBody>;
export type UpdateClientInput = z.infer<typeof UpdateClientBody>;
export type UpdateOwnProfileInput = z.infer<typeof UpdateOwnProfileBody>;
