import type { ImportKindValue, RowErrorDto } from '../../contracts/imports.js';
import type { DISTRICTS, PROPERTY_TYPES } from '../../contracts/properties.js';
import * as cell from './cell-parsers.js';
import type { Parsed } from './cell-parsers.js';

/** A field's value as read; `undefined` when the file leaves it empty or does not map it (an update keeps what is there). */
export interface ClientValues {
  phone: string;
  name: string;
  email?: string;
  nif?: string;
  dateOfBirth?: string;
  notes?: string;
  companyName?: string;
  isEnterprise?: boolean;
  locale?: 'pt' | 'en';
}

export interface PropertyValues {
  clientPhone?: string;
  clientNif?: string;
  name?: string;
  addressLine1: string;
  addressLine2?: string;
  city: string;
  postalCode: string;
  district: (typeof DISTRICTS)[number];
  propertyType?: (typeof PROPERTY_TYPES)[number];
  accessInstructions?: string;
  isPrimary?: boolean;
}

export interface ServiceValues {
  code: string;
  name: string;
  nameEn?: string;
  pricingUnit: 'per_kg' | 'per_item';
  priceCents: number;
  minimumChargeCents?: number;
  description?: string;
}

export type RowValues = ClientValues | PropertyValues | ServiceValues;

export interface CheckedRow<T> {
  values: T;
  errors: RowErrorDto[];
}

type Reader = (raw: string) => Parsed<unknown>;

/**
 * Reads one row through the mapping: each mapped, non-empty cell through its field's reader, required
 * fields present, and cells beyond the header refused (a stray separator shifts every column after it).
 */
function readRow(cells: string[], columns: ReadonlyArray<string | null>, readers: Record<string, Reader>, required: string[]) {
  const values: Record<string, unknown> = {};
  const errors: RowErrorDto[] = [];
  const columnOf = new Map<string, number>();
  columns.forEach((f, i) => f && columnOf.set(f, i));
  for (const [field, read] of Object.entries(readers)) {
    const column = columnOf.get(field);
    const raw = column === undefined ? '' : (cells[column] ?? '');
    if (raw.trim() === '') {
      if (required.includes(field)) errors.push({ field, column: column ?? null, code: 'REQUIRED', message: 'is required' });
      continue;
    }
    const parsed = read(raw);
    if (parsed.ok) values[field] = parsed.value;
    else errors.push({ field, column: column ?? null, code: parsed.code, message: parsed.message });
  }
  const extra = cells.slice(columns.length).findIndex((c) => c.trim() !== '');
  if (extra >= 0) {
    errors.push({
      field: null,
      column: columns.length + extra,
      code: 'EXTRA_CELLS',
      message: 'has more cells than the header has columns (a stray separator?)',
    });
  }
  return { values, errors };
}

const text = (min: number, max: number): Reader => (raw) => cell.text(raw, min, max);

export function checkClientRow(cells: string[], columns: ReadonlyArray<string | null>, today: string): CheckedRow<ClientValues> {
  const { values, errors } = readRow(
    cells,
    columns,
    {
      phone: cell.phone,
      name: text(2, 120),
      email: cell.email,
      nif: cell.nif,
      dateOfBirth: (raw) => cell.pastDate(raw, today),
      notes: text(1, 2000),
      companyName: text(2, 200),
      isEnterprise: cell.yesNo,
      locale: cell.locale,
    },
    ['phone', 'name'],
  );
  const v = values as unknown as ClientValues;
  // A company name makes an enterprise client unless the file says otherwise; an enterprise needs one.
  if (v.isEnterprise === undefined && v.companyName) v.isEnterprise = true;
  if (v.isEnterprise && !v.companyName && !errors.some((e) => e.field === 'companyName')) {
    errors.push({ field: 'companyName', column: columns.indexOf('companyName') >= 0 ? columns.indexOf('companyName') : null, code: 'REQUIRED', message: 'is required for an enterprise client' });
  }
  return { values: v, errors };
}

export function checkPropertyRow(cells: string[], columns: ReadonlyArray<string | null>): CheckedRow<PropertyValues> {
  const { values, errors } = readRow(
    cells,
    columns,
    {
      clientPhone: cell.phone,
      clientNif: cell.nif,
      name: text(1, 120),
      addressLine1: text(1, 200),
      addressLine2: text(1, 200),
      city: text(1, 100),
      postalCode: cell.postalCode,
      district: cell.district,
      propertyType: cell.propertyType,
      accessInstructions: text(1, 2000),
      isPrimary: cell.yesNo,
    },
    ['addressLine1', 'city', 'postalCode', 'district'],
  );
  const v = values as unknown as PropertyValues;
  const clientFieldBroken = errors.some((e) => e.field === 'clientPhone' || e.field === 'clientNif');
  if (!v.clientPhone && !v.clientNif && !clientFieldBroken) {
    const column = columns.indexOf('clientPhone') >= 0 ? columns.indexOf('clientPhone') : columns.indexOf('clientNif');
    errors.push({ field: 'clientPhone', column: column >= 0 ? column : null, code: 'REQUIRED', message: "the client's phone or NIF is required" });
  }
  return { values: v, errors };
}

export function checkServiceRow(cells: string[], columns: ReadonlyArray<string | null>): CheckedRow<ServiceValues> {
  const { values, errors } = readRow(
    cells,
    columns,
    {
      code: cell.serviceCode,
      name: text(2, 120),
      nameEn: text(2, 120),
      pricingUnit: cell.pricingUnit,
      price: cell.euros,
      minimumCharge: cell.euros,
      description: text(1, 2000),
    },
    ['code', 'name', 'pricingUnit', 'price'],
  );
  const { price, minimumCharge, ...rest } = values as Record<string, unknown>;
  const v = { ...rest, priceCents: price, minimumChargeCents: minimumCharge } as ServiceValues;
  if (v.minimumChargeCents === undefined) delete v.minimumChargeCents;
  return { values: v, errors };
}

export function checkRow(kind: ImportKindValue, cells: string[], columns: ReadonlyArray<string | null>, today: string): CheckedRow<RowValues> {
  if (kind === 'clients') return checkClientRow(cells, columns, today);
  if (kind === 'properties') return checkPropertyRow(cells, columns);
  return checkServiceRow(cells, columns);
}
