import type { TFunction } from 'i18next';
import type { LocaleCode } from '@contracts/auth';
import { formatDateTime, formatMoney, formatPercent } from '@/lib/format';
import type { auditEn } from '@/features/audit/audit-strings';

type AuditT = TFunction<'audit'>;
type FieldKey = keyof typeof auditEn.fields;
type ValueKey = keyof typeof auditEn.values;

/** Fields whose recorded values are codes (a status, a method): shown as words. */
export const CODED = new Set(['status', 'stage', 'kind', 'method', 'role', 'locale', 'jobType', 'orderType', 'serviceLine', 'photoType', 'priority', 'duplicatePolicy', 'conditionKind', 'propertyType', 'billing', 'item']);

/** The last resort for a field the screens have no name for yet: words, not camelCase. */
export const humanize = (text: string) => text.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * A changed field as the screens call it. A setting is named as on the settings page; anything
 * else from the activity log's list of fields.
 */
export function fieldName(field: string, entity: string, t: AuditT, exists: (key: string, ns: 'audit' | 'settings') => boolean): string {
  if (entity === 'setting' && exists(`labels.${field}`, 'settings')) return t(`labels.${field}` as never, { ns: 'settings' });
  if (exists(`fields.${field}`, 'audit')) return t(`fields.${field as FieldKey}`);
  return humanize(field);
}

/** A recorded value as people read it: money from cents, rates from basis points, codes as words, flags as yes/no. */
export function valueText(field: string, value: unknown, locale: LocaleCode, t: AuditT, exists: (key: string, ns: 'audit' | 'settings') => boolean): string {
  if (value === null || value === undefined || value === '') return t('empty');
  if (typeof value === 'number' && /Cents$/.test(field)) return formatMoney(value, locale);
  if (typeof value === 'number' && /BasisPoints$/.test(field)) return formatPercent(value, locale);
  if (typeof value === 'boolean') return value ? t('yes', { ns: 'ui' }) : t('no', { ns: 'ui' });
  if (typeof value === 'string' && CODED.has(field) && exists(`values.${value}`, 'audit')) return t(`values.${value as ValueKey}`);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value, locale, 'short');
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

interface Groupable {
  at: string;
  action: string;
  entity: string;
  entityId: string | null;
  /** The job an entry is about (the access notes were read for it), when the server named one. */
  subject?: { jobId: number | null } | null;
}

/** Actions that repeat many times in a row without changing anything (reading access notes): shown once with a count. */
const REPEATING = new Set(['view_access_instructions']);

/** How far apart two readings may be and still count as one sitting. */
export const REPEAT_WINDOW_MS = 30 * 60_000;

/**
 * Neighbouring entries of the same repeating action on the same record and job by the same person
 * (`who`), each within REPEAT_WINDOW_MS of the one before, folded into one with a count. The entries
 * come newest first; the group shows its newest entry.
 */
export function groupRepeats<T extends Groupable>(entries: readonly T[], who: (entry: T) => string): { entry: T; count: number }[] {
  const groups: { entry: T; count: number; oldest: T }[] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    const same =
      last !== undefined &&
      REPEATING.has(entry.action) &&
      last.entry.action === entry.action &&
      last.entry.entity === entry.entity &&
      last.entry.entityId === entry.entityId &&
      (last.entry.subject?.jobId ?? null) === (entry.subject?.jobId ?? null) &&
      who(last.entry) === who(entry) &&
      Math.abs(Date.parse(last.oldest.at) - Date.parse(entry.at)) <= REPEAT_WINDOW_MS;
    if (same) {
      last.count += 1;
      last.oldest = entry;
    } else groups.push({ entry, count: 1, oldest: entry });
  }
  return groups.map(({ entry, count }) => ({ entry, count }));
}
