import { z } from 'zod';
import { PG_INTEGER_MAX } from './primitives.js';

/**
 * The typed settings: each key's validation, default and meaning. Adding a setting is one entry here
 * (a later issue adds its keys the same way); the database only holds values that differ from the
 * default. Money is integer cents, rates are basis points (2300 = 23 %). Pure: no Node or server imports.
 */

/** IBAN with its ISO 13616 mod-97 check (spaces allowed on input, stored without). */
export function isValidIban(input: string): boolean {
  const iban = input.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const digits = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

const cents = (max: number) => z.number().int('whole cents').min(0).max(max);

export const SETTINGS = {
  vatRateBasisPoints: {
    schema: z.number().int().min(0).max(10_000),
    default: 2300,
    description: 'VAT (IVA) rate in basis points: 2300 = 23 %.',
  },
  deliveryFeeCents: {
    schema: cents(100_000),
    default: 500,
    description: 'Laundry delivery fee in cents, charged when delivery is requested.',
  },
  cleaningHourlyRateCents: {
    schema: cents(100_000),
    default: 1500,
    description: 'Default hourly rate of a cleaning job, in cents.',
  },
  billingIncrementMinutes: {
    schema: z.number().int().min(1).max(240),
    default: 30,
    description: 'Cleaning labour time is rounded up to a multiple of this many minutes.',
  },
  cleaningMaxShiftHours: {
    schema: z.number().int().min(1).max(24),
    default: 12,
    description: 'A cleaning time log longer than this many hours is flagged for review.',
  },
  offlineTapWindowHours: {
    schema: z.number().int().min(0).max(72),
    default: 12,
    description: 'How old a Start/End tap queued offline by the phone may be and still be accepted, in hours.',
  },
  earliestStartHours: {
    schema: z.number().int().min(0).max(168),
    default: 12,
    description: "How many hours before a job's scheduled time a worker may press Start (staff may start on a worker's behalf at any time).",
  },
  accessInstructionsLeadHours: {
    schema: z.number().int().min(0).max(168),
    default: 24,
    description: "How many hours before a job its workers may read the property's access instructions.",
  },
  recurrenceHorizonWeeks: {
    schema: z.number().int().min(1).max(52),
    default: 8,
    description: 'How many weeks ahead the occurrences of recurring cleaning jobs are created.',
  },
  maxPhotosPerJob: {
    schema: z.number().int().min(1).max(5000),
    default: 60,
    description: 'At most this many photos per cleaning job.',
  },
  maxPhotosPerUserPerDay: {
    schema: z.number().int().min(1).max(20000),
    default: 300,
    description: 'At most this many photos uploaded by one person in one day (Lisbon time), over all jobs.',
  },
  requireAfterPhoto: {
    schema: z.boolean(),
    default: true,
    description: 'A cleaning job needs at least one "after" photo to be completed (staff may waive it for a job, with a reason).',
  },
  calendarSyncMinutes: {
    schema: z.number().int().min(5).max(1440),
    default: 15,
    description: "How often each property's calendar feeds are read for new, moved and cancelled reservations, in minutes.",
  },
  reportLinkDays: {
    schema: z.number().int().min(1).max(365),
    default: 30,
    description: "How many days a link sharing a turnover's report stays valid.",
  },
  reminderDays: {
    schema: z
      .array(z.number().int().min(1).max(365))
      .max(6)
      .refine((days) => days.every((d, i) => i === 0 || d > days[i - 1]!), 'days must be in increasing order, each once'),
    default: [7, 14, 30],
    description: 'Days after a document accrued (for monthly clients: after their statement) on which an unpaid client is reminded, once per step; empty: no reminders.',
  },
  companyIban: {
    schema: z
      .string()
      .transform((v) => v.replace(/\s/g, '').toUpperCase())
      .refine((v) => v === '' || isValidIban(v), 'not a valid IBAN'),
    default: '',
    description: 'IBAN for bank transfers, printed on documents (empty: not printed).',
  },
} as const satisfies Record<string, { schema: z.ZodType; default: unknown; description: string }>;

export type SettingKey = keyof typeof SETTINGS;
export const SETTING_KEYS = Object.keys(SETTINGS) as [SettingKey, ...SettingKey[]];
export type SettingValues = { [K in SettingKey]: z.output<(typeof SETTINGS)[K]['schema']> };

export const Setting = z
  .object({
    key: z.enum(SETTING_KEYS),
    value: z.unknown(),
    defaultValue: z.unknown(),
    isDefault: z.boolean(),
    description: z.string(),
    version: z.number().int().meta({ description: '0 while the default is in use; send it back when editing.' }),
    updatedAt: z.string().nullable(),
    updatedBy: z.number().int().nullable(),
  })
  .meta({ id: 'Setting' });

/** An edit of several keys at once, each with the version it was based on; all or nothing. */
export const UpdateSettingsBody = z
  .object(
    Object.fromEntries(
      SETTING_KEYS.map((key) => [key, z.object({ value: SETTINGS[key].schema, version: z.number().int().min(0).max(PG_INTEGER_MAX) }).strict().optional()]),
    ) as { [K in SettingKey]: z.ZodOptional<z.ZodObject<{ value: (typeof SETTINGS)[K]['schema']; version: z.ZodNumber }>> },
  )
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'change at least one setting')
  .meta({ id: 'UpdateSettingsBody', example: { deliveryFeeCents: { value: 600, version: 0 } } });

export type SettingDto = z.infer<typeof Setting>;
export type UpdateSettingsInput = z.infer<typeof UpdateSettingsBody>;
