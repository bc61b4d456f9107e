import { z } from 'zod';
import { FLOOR_LIMITS, type LaundryCategoryDto } from '@contracts/laundry-floor';
import { LAUNDRY_LIMITS, type LaundryServiceDto } from '@contracts/laundry';
import type { LocaleCode } from '@contracts/auth';
import { isApiError } from '@/lib/api-error';
import { centsForInput, parseDecimal } from '@/features/laundry/laundry-format';

/** A decimal typed with a comma or a point, as hundredths (cents, or basis points for a percentage). */
export function hundredths(text: string): number | null {
  const parsed = parseDecimal(text, 2);
  return typeof parsed === 'number' ? parsed : null;
}

const money = (required: boolean) =>
  z.string().trim().refine((v) => (!v ? !required : (hundredths(v) ?? Infinity) <= LAUNDRY_LIMITS.priceCents), required ? 'required' : 'invalid');
const days = z
  .string()
  .trim()
  .refine((v) => /^\d{1,2}$/.test(v) && Number(v) <= FLOOR_LIMITS.turnaroundDays, 'invalid');

/** The service dialog's fields as typed; the percentage's ceiling is left to the server, which names the field. */
export const ServiceForm = z
  .object({
    name: z.string().trim().min(1).max(120),
    nameEn: z.string().trim().min(1).max(120),
    categoryId: z.string().min(1),
    pricingUnit: z.enum(['per_item', 'per_kg']),
    price: money(true),
    minimum: money(false),
    turnaround: days,
    expressKind: z.enum(['none', 'percent', 'fixed']),
    expressValue: z.string().trim(),
    expressTurnaround: z.string().trim(),
    description: z.string().trim().max(1000),
  })
  .superRefine((v, ctx) => {
    if (v.expressKind === 'none') return;
    if (hundredths(v.expressValue) === null) ctx.addIssue({ code: 'custom', path: ['expressValue'], message: v.expressValue ? 'invalid' : 'required' });
    if (!days.safeParse(v.expressTurnaround).success) ctx.addIssue({ code: 'custom', path: ['expressTurnaround'], message: v.expressTurnaround ? 'invalid' : 'required' });
  });
export type ServiceValues = z.input<typeof ServiceForm>;
export const SERVICE_FIELDS = ['name', 'nameEn', 'categoryId', 'pricingUnit', 'price', 'minimum', 'turnaround', 'expressKind', 'expressValue', 'expressTurnaround', 'description'] as const;

export function serviceValues(service: LaundryServiceDto | null, categories: readonly LaundryCategoryDto[], locale: LocaleCode): ServiceValues {
  const express = service?.express ?? null;
  return {
    name: service?.name ?? '',
    nameEn: service?.nameEn ?? '',
    categoryId: String(service?.categoryId ?? categories.find((c) => c.isActive)?.id ?? ''),
    pricingUnit: service?.pricingUnit ?? 'per_item',
    price: service ? centsForInput(service.priceCents, locale) : '',
    minimum: service?.minimumChargeCents == null ? '' : centsForInput(service.minimumChargeCents, locale),
    turnaround: String(service?.turnaroundDays ?? 2),
    expressKind: express?.kind ?? 'none',
    expressValue: express ? centsForInput(express.value, locale).replace(/[.,]00$/, '') : '',
    expressTurnaround: express ? String(express.turnaroundDays) : '1',
    description: service?.description ?? '',
  };
}

/** The API body for the typed values (both for adding and for editing). */
export function serviceBody(v: ServiceValues) {
  return {
    name: v.name.trim(),
    nameEn: v.nameEn.trim(),
    categoryId: Number(v.categoryId),
    pricingUnit: v.pricingUnit,
    priceCents: hundredths(v.price) ?? 0,
    minimumChargeCents: v.minimum.trim() ? hundredths(v.minimum) : null,
    turnaroundDays: Number(v.turnaround),
    express:
      v.expressKind === 'none'
        ? null
        : { kind: v.expressKind, value: hundredths(v.expressValue) ?? 0, turnaroundDays: Number(v.expressTurnaround) },
    description: v.description.trim() || null,
  };
}

/** Which field a server issue is about (`body.express.value` → expressValue). */
const FIELD_OF_PATH: Record<string, (typeof SERVICE_FIELDS)[number]> = {
  name: 'name',
  nameEn: 'nameEn',
  categoryId: 'categoryId',
  pricingUnit: 'pricingUnit',
  priceCents: 'price',
  minimumChargeCents: 'minimum',
  turnaroundDays: 'turnaround',
  express: 'expressKind',
  'express.kind': 'expressKind',
  'express.value': 'expressValue',
  'express.turnaroundDays': 'expressTurnaround',
  description: 'description',
};

/** The server's refusals placed on their fields; `rest` is true when something could not be placed. */
export function serverFieldErrors(error: unknown): { fields: Partial<Record<(typeof SERVICE_FIELDS)[number], string>>; rest: boolean } {
  if (isApiError(error, 'UNKNOWN_CATEGORY')) return { fields: { categoryId: 'invalid' }, rest: true };
  if (!isApiError(error, 'VALIDATION_FAILED')) return { fields: {}, rest: true };
  const fields: Partial<Record<(typeof SERVICE_FIELDS)[number], string>> = {};
  let rest = error.fieldIssues.length === 0;
  for (const issue of error.fieldIssues) {
    const path = issue.path.replace(/^body\./, '');
    const field = FIELD_OF_PATH[path] ?? FIELD_OF_PATH[path.split('.')[0] ?? ''];
    if (field) fields[field] ??= 'invalid';
    else rest = true;
  }
  return { fields, rest };
}
