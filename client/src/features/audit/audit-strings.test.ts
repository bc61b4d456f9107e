import { describe, expect, it } from 'vitest';
import { auditEn } from '@/features/audit/audit-strings';

// Every action and entity the server writes to the activity log has a name on the screens (the
// dashboard's recent activity and the activity log), in both languages (Shape makes Portuguese follow).
const serverSources = import.meta.glob<string>('../../../../src/modules/**/*.ts', { query: '?raw', import: 'default', eager: true });

function quotedAfter(field: 'action' | 'entity'): Set<string> {
  const found = new Set<string>();
  for (const source of Object.values(serverSources)) {
    // `action: 'create'` and `action: cond ? 'start_on_behalf' : 'start'` (up to the end of the value).
    for (const match of source.matchAll(new RegExp(`\\b${field}: ([^,}\\n]*)`, 'g'))) {
      for (const literal of match[1]!.matchAll(/'([a-z_]+)'/g)) found.add(literal[1]!);
    }
  }
  return found;
}

describe('activity log labels', () => {
  it('when the server records an action, then the screens have a label for it', () => {
    const actions = quotedAfter('action');
    expect(actions.size).toBeGreaterThan(20);
    // Compared values that are statuses, not actions (`to === 'ready' ? 'mark_ready' : …`).
    const statuses = new Set(['ready', 'cancelled']);
    const missing = [...actions].filter((action) => !statuses.has(action) && !(action in auditEn.actions));
    expect(missing).toEqual([]);
  });

  it('when the server records an entity, then the screens have a label for it', () => {
    const entities = quotedAfter('entity');
    expect(entities.size).toBeGreaterThan(8);
    expect([...entities].filter((entity) => !(entity in auditEn.entities))).toEqual([]);
  });
});

describe('activity log field names', () => {
  /** The fields whose values the server keeps: its `*_VALUE_FIELDS` / `AUDIT_VALUES` lists and `valueFields: [...]`. */
  function recordedFields(): Set<string> {
    const found = new Set<string>();
    for (const source of Object.values(serverSources)) {
      const lists = [...source.matchAll(/(?:VALUE_FIELDS|AUDIT_VALUES) = \[([^\]]*)\]/g), ...source.matchAll(/valueFields: \[([^\]]*)\]/g)];
      for (const list of lists) for (const literal of list[1]!.matchAll(/'([A-Za-z]+)'/g)) found.add(literal[1]!);
    }
    return found;
  }

  it('when the server records a value, then the screens name its field in words', () => {
    const fields = recordedFields();
    expect(fields.size).toBeGreaterThan(40);
    expect([...fields].filter((field) => !(field in auditEn.fields))).toEqual([]);
  });
});
