import { z } from 'zod';
import { commaSeparated } from './query-params.js';
import { checkRange, rangeFields } from './reports.js';

/**
 * Query strings of the CSV exports (`/api/exports/*.csv`). Each takes the filters of its list plus
 * `format`. Pure: no Node imports.
 */

export const CsvFormatParam = z
  .enum(['semicolon', 'comma'])
  .default('semicolon')
  .meta({ description: '`semicolon` (default): `;` and a decimal comma, for Portuguese Excel. `comma`: `,` and a decimal point.' });

const id = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/, 'must be a positive whole number')
  .transform(Number)
  .meta({ type: 'integer' } as never);
const yesNo = z.enum(['true', 'false']).transform((v) => v === 'true');


const range = checkRange({ optional: true });

export const ClientsExportQuery = z.object({ format: CsvFormatParam, active: yesNo.optional() });

export const LaundryOrdersExportQuery = z
  .object({
    format: CsvFormatParam,
    ...rangeFields,
    status: commaSeparated(z.enum(['received', 'in_progress', 'ready', 'collected', 'delivered', 'cancelled']), 'status'),
    clientId: id.optional(),
  })
  .superRefine(range)
  .meta({ description: 'from/to/month bound the order day (Lisbon).' });

export const CleaningJobsExportQuery = z
  .object({
    format: CsvFormatParam,
    ...rangeFields,
    status: commaSeparated(z.enum(['scheduled', 'in_progress', 'completed', 'cancelled']), 'status'),
    clientId: id.optional(),
    workerId: id.optional(),
  })
  .superRefine(range)
  .meta({ description: 'from/to/month bound the scheduled date.' });

export const TimesheetsExportQuery = z
  .object({ format: CsvFormatParam, ...rangeFields, workerId: id.optional() })
  .superRefine(range)
  .meta({ description: 'One line per time log; from/to/month bound when it started (Lisbon).' });
