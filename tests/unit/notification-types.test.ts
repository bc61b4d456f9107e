import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/modules/notifications/templates.js';

const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/NOTIFICATIONS.md'), 'utf8');

describe('notification types', () => {
  it('when a type exists, then docs/NOTIFICATIONS.md has its row (recipient rule and link)', () => {
    const missing = Object.keys(TEMPLATES).filter((type) => !doc.includes(`| \`${type}\` |`));
    expect(missing, 'add a row per type to the table in docs/NOTIFICATIONS.md').toEqual([]);
  });

  it('when a type has an e-mail default, then it has an e-mail and an audience', () => {
    for (const [type, t] of Object.entries(TEMPLATES)) {
      expect(t.audience.length, type).toBeGreaterThan(0);
      if ('emailDefault' in t) expect(t.email, type).toBe(true);
    }
  });
});
