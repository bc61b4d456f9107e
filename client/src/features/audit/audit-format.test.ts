import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import '@/features/audit/audit-strings';
import '@/features/settings/settings-strings';
import '@/components/ui-strings';
import { CODED, fieldName, groupRepeats, valueText } from '@/features/audit/audit-format';
import { LOCALES } from '@contracts/auth';
import { CLEANING_STATUSES, CleaningJobType } from '@contracts/cleaning';
import { ClientBilling } from '@contracts/clients';
import { ClientPriceItem } from '@contracts/client-prices';
import { DUPLICATE_POLICIES, IMPORT_KINDS } from '@contracts/imports';
import { CONDITION_KINDS } from '@contracts/laundry-condition';
import { ITEM_STAGES } from '@contracts/laundry-floor';
import { LAUNDRY_STATUSES, LaundryOrderType } from '@contracts/laundry';
import { PAYMENT_METHODS, PaymentKind, ServiceLine } from '@contracts/payments';
import { PHOTO_TYPES } from '@contracts/photos';
import { PROPERTY_TYPES } from '@contracts/properties';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '@contracts/tickets';
import { STAFF_ROLES } from '@contracts/users';

const t = ((key: string, options?: object) => i18n.t(key as never, { ns: 'audit', ...options } as never)) as never;
const exists = (key: string, ns: 'audit' | 'settings') => i18n.exists(key, { ns });

describe('the activity log in Portuguese', () => {
  it('when a field changed, then it is named in words, never as its code', () => {
    expect(fieldName('balanceCents', 'receipt', t, exists)).toBe('Saldo em dívida');
    expect(fieldName('kind', 'payment', t, exists)).toBe('Tipo');
    expect(fieldName('maxPhotosPerJob', 'setting', t, exists)).toBe('Máximo de fotografias por serviço');
  });

  it('when a value is a code, then it is shown as a word', () => {
    expect(valueText('status', 'in_progress', 'pt', t, exists)).toBe('em curso');
    expect(valueText('status', 'completed', 'pt', t, exists)).toBe('concluído');
    expect(valueText('kind', 'payment', 'pt', t, exists)).toBe('pagamento');
    expect(valueText('vatRateBasisPoints', 2300, 'pt', t, exists)).toBe('23%');
  });

  it('when someone read the access notes many times in a row, then it is one line with a count', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 5, 22, 10, 0) - minute * 60_000).toISOString();
    const view = (id: number, actor: number, minute: number, jobId = 3) => ({ id, at: at(minute), action: 'view_access_instructions', entity: 'property', entityId: '7', subject: { jobId }, actor: { type: 'user', id: actor } });
    const other = { id: 9, at: at(40), action: 'update', entity: 'property', entityId: '7', subject: { jobId: null }, actor: { type: 'user', id: 1 } };
    const grouped = groupRepeats([view(1, 1, 0), view(2, 1, 2), view(3, 1, 5), view(4, 2, 6), other, { ...other, id: 10 }], (e) => `${e.actor.type}:${e.actor.id}`);
    expect(grouped.map((g) => [g.entry.id, g.count])).toEqual([
      [1, 3],
      [4, 1],
      [9, 1],
      [10, 1],
    ]);
  });

  it('when the readings are for another job or further apart than the window, then they stay separate lines', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 5, 22, 10, 0) - minute * 60_000).toISOString();
    const view = (id: number, minute: number, jobId: number) => ({ id, at: at(minute), action: 'view_access_instructions', entity: 'property', entityId: '7', subject: { jobId }, actor: { type: 'user', id: 1 } });
    // Newest first: two for job 3 a minute apart, one for job 4, then job 3 again two hours later (each reading within 30 minutes of the last).
    const entries = [view(1, 0, 3), view(2, 1, 3), view(3, 2, 4), view(4, 3, 4), view(5, 120, 4), view(6, 125, 4), view(7, 150, 4), view(8, 200, 4)];
    expect(groupRepeats(entries, () => 'same').map((g) => [g.entry.id, g.count])).toEqual([
      [1, 2],
      [3, 2],
      [5, 3],
      [8, 1],
    ]);
  });
});

describe('coded values in the activity log', () => {
  // Every code the server records in a field shown as words, from the contracts' own lists.
  const codes: Record<string, readonly string[]> = {
    status: [...LAUNDRY_STATUSES, ...CLEANING_STATUSES, ...TICKET_STATUSES],
    stage: ITEM_STAGES,
    kind: [...PaymentKind.options, ...IMPORT_KINDS],
    method: PAYMENT_METHODS,
    role: STAFF_ROLES,
    locale: LOCALES,
    jobType: CleaningJobType.options,
    orderType: LaundryOrderType.options,
    serviceLine: ServiceLine.options,
    photoType: PHOTO_TYPES,
    priority: TICKET_PRIORITIES,
    duplicatePolicy: DUPLICATE_POLICIES,
    conditionKind: CONDITION_KINDS,
    propertyType: PROPERTY_TYPES,
    billing: ClientBilling.options,
    item: ClientPriceItem.options,
  };

  it('when a coded field is recorded, then every one of its codes reads as words in both languages', () => {
    expect(Object.keys(codes).filter((field) => !CODED.has(field))).toEqual([]);
    const missing: string[] = [];
    for (const language of ['en', 'pt'] as const) {
      for (const [field, values] of Object.entries(codes)) {
        for (const value of values) if (!(i18n.getResource(language, 'audit', `values.${value}`) as string | undefined)?.trim()) missing.push(`${language} ${field}=${value}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('when read in Portuguese, then a recorded stage, condition or property type is in Portuguese', () => {
    expect(valueText('stage', 'ironing', 'pt', t, exists)).toBe('engomagem');
    expect(valueText('conditionKind', 'missing_button', 'pt', t, exists)).toBe('botão em falta');
    expect(valueText('billing', 'monthly', 'pt', t, exists)).toBe('extrato mensal');
  });
});
