import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import '@/features/audit/audit-strings';
import '@/features/settings/settings-strings';
import '@/components/ui-strings';
import { fieldName, groupRepeats, valueText } from '@/features/audit/audit-format';

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
    const view = (id: number, actor: number) => ({ id, action: 'view_access_instructions', entity: 'property', entityId: '7', actor: { type: 'user', id: actor } });
    const other = { id: 9, action: 'update', entity: 'property', entityId: '7', actor: { type: 'user', id: 1 } };
    const grouped = groupRepeats([view(1, 1), view(2, 1), view(3, 1), view(4, 2), other, { ...other, id: 10 }], (e) => `${e.actor.type}:${e.actor.id}`);
    expect(grouped.map((g) => [g.entry.id, g.count])).toEqual([
      [1, 3],
      [4, 1],
      [9, 1],
      [10, 1],
    ]);
  });
});
