import { z } from 'zod';
import { RecordVersion } from './primitives.js';

/** Spreadsheet imports (clients, properties, catalogue services). Pure: no Node or server imports. */

export const IMPORT_KINDS = ['clients', 'properties', 'services'] as const;
export const ImportKind = z.enum(IMPORT_KINDS).meta({ id: 'ImportKind' });
export type ImportKindValue = (typeof IMPORT_KINDS)[number];

/** The fields each kind of file can fill, in the order the mapping screen lists them. */
export const IMPORT_FIELDS = {
  clients: ['phone', 'name', 'email', 'nif', 'dateOfBirth', 'notes', 'companyName', 'isEnterprise', 'locale'],
  properties: [
    'clientPhone',
    'clientNif',
    'name',
    'addressLine1',
    'addressLine2',
    'city',
    'postalCode',
    'district',
    'propertyType',
    'accessInstructions',
    'isPrimary',
  ],
  services: ['code', 'name', 'nameEn', 'pricingUnit', 'price', 'minimumCharge', 'description'],
} as const satisfies Record<ImportKindValue, readonly string[]>;

export type ImportField = (typeof IMPORT_FIELDS)[ImportKindValue][number];
export const ALL_IMPORT_FIELDS = [...new Set(Object.values(IMPORT_FIELDS).flat())] as ImportField[];

/**
 * Fields a file must map before its rows can be checked. A property names its client by phone or NIF:
 * `clientPhone|clientNif` means one of the two.
 */
export const REQUIRED_IMPORT_FIELDS: Record<ImportKindValue, readonly string[]> = {
  clients: ['phone', 'name'],
  properties: ['clientPhone|clientNif', 'addressLine1', 'city', 'postalCode', 'district'],
  services: ['code', 'name', 'pricingUnit', 'price'],
};

/** Limits of one file (the screens show them; the server enforces them). */
export const IMPORT_LIMITS = { maxBytes: 10 * 1024 * 1024, maxRows: 20_000, maxColumns: 50, maxCellChars: 2_000 } as const;

export const IMPORT_STATUSES = ['draft', 'committed', 'undone'] as const;
export const ROW_OUTCOMES = ['valid', 'invalid', 'duplicate'] as const;
export const ROW_ACTIONS = ['created', 'updated', 'skipped'] as const;
export const DUPLICATE_POLICIES = ['skip', 'update'] as const;

/**
 * Why a row cannot be imported, one code per problem so the screen can say it in the reader's language.
 * The message beside it is English and never repeats the cell's value.
 */
export const ROW_ERROR_CODES = [
  'REQUIRED',
  'TOO_SHORT',
  'TOO_LONG',
  'INVALID_PHONE',
  'INVALID_NIF',
  'INVALID_EMAIL',
  'INVALID_DATE',
  'INVALID_POSTAL_CODE',
  'UNKNOWN_DISTRICT',
  'UNKNOWN_PROPERTY_TYPE',
  'INVALID_BOOLEAN',
  'UNKNOWN_LOCALE',
  'INVALID_CODE',
  'UNKNOWN_PRICING_UNIT',
  'INVALID_PRICE',
  'EXTRA_CELLS',
  'CLIENT_NOT_FOUND',
  'AMBIGUOUS_MATCH',
] as const;

export const RowError = z
  .object({
    field: z.string().nullable().meta({ description: 'The field concerned (null: the row as a whole).' }),
    column: z.number().int().nullable().meta({ description: 'Index of the file column that holds it (null when not mapped).' }),
    code: z.enum(ROW_ERROR_CODES),
    message: z.string(),
  })
  .meta({ id: 'ImportRowError' });

export const DuplicateOf = z
  .object({
    field: z.string().meta({ description: 'What matched: phone, nif, email, address or code.' }),
    recordId: z.number().int().optional().meta({ description: 'The existing record the row matches.' }),
    line: z.number().int().optional().meta({ description: 'The earlier line of the same file the row repeats.' }),
  })
  .meta({ id: 'ImportDuplicateOf' });

export const ImportRow = z
  .object({
    line: z.number().int().meta({ description: 'Line in the file as a spreadsheet numbers it (header = 1).' }),
    cells: z.array(z.string()).nullable().meta({ description: 'The cells as read; cleared once the import is committed.' }),
    outcome: z.enum(ROW_OUTCOMES),
    errors: z.array(RowError),
    duplicateOf: DuplicateOf.nullable(),
    action: z.enum(ROW_ACTIONS).nullable().meta({ description: 'What the commit did with the row.' }),
    recordId: z.number().int().nullable().meta({ description: 'The record the commit created or updated.' }),
    recordLabel: z.string().nullable().meta({ description: 'Its current name, for the link.' }),
    clientId: z.number().int().nullable().meta({ description: 'For a property: its client (the link goes there).' }),
  })
  .meta({ id: 'ImportRow' });

export const Import = z
  .object({
    id: z.number().int(),
    kind: ImportKind,
    status: z.enum(IMPORT_STATUSES),
    fileName: z.string().nullable(),
    fileBytes: z.number().int(),
    encoding: z.enum(['utf-8', 'windows-1252']),
    delimiter: z.enum([';', ',', '\t']),
    headers: z.array(z.string()),
    columns: z.array(z.string().nullable()).meta({ description: 'Per file column, the field it fills (null: ignored).' }),
    missingFields: z.array(z.string()).meta({ description: 'Required fields no column fills yet; rows are checked once this is empty.' }),
    summary: z.object({ total: z.number().int(), valid: z.number().int(), invalid: z.number().int(), duplicate: z.number().int() }),
    duplicatePolicy: z.enum(DUPLICATE_POLICIES).nullable(),
    result: z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int() }).nullable(),
    createdBy: z.object({ id: z.number().int(), name: z.string() }),
    createdAt: z.string(),
    committedAt: z.string().nullable(),
    undoneAt: z.string().nullable(),
    expiresAt: z.string().nullable().meta({ description: 'When a draft is discarded if not committed.' }),
    version: z.number().int(),
  })
  .meta({ id: 'Import' });

export const ImportUploadForm = z
  .object({
    kind: ImportKind,
    delimiter: z.enum(['semicolon', 'comma', 'tab']).optional().meta({ description: 'Detected from the header line when absent.' }),
    encoding: z.enum(['utf-8', 'windows-1252']).optional().meta({ description: 'Detected when absent (UTF-8 with or without BOM, else Windows-1252).' }),
    file: z.string().optional().meta({ format: 'binary', description: 'The CSV file (one), at most 10 MB and 20 000 rows.' }),
  })
  .meta({ id: 'ImportUploadForm' });

export const UpdateImportMappingBody = z
  .object({
    version: RecordVersion,
    columns: z.array(z.enum(ALL_IMPORT_FIELDS as [ImportField, ...ImportField[]]).nullable()).max(IMPORT_LIMITS.maxColumns),
  })
  .strict()
  .meta({ id: 'UpdateImportMappingBody' });

export const CommitImportBody = z
  .object({
    version: RecordVersion,
    duplicates: z.enum(DUPLICATE_POLICIES).meta({ description: 'What to do with rows that match an existing record: skip them, or update it with the non-empty cells.' }),
  })
  .strict()
  .meta({ id: 'CommitImportBody' });

export type ImportDto = z.infer<typeof Import>;
export type ImportRowDto = z.infer<typeof ImportRow>;
export type RowErrorDto = z.infer<typeof RowError>;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];
export type DuplicateOfDto = z.infer<typeof DuplicateOf>;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];
