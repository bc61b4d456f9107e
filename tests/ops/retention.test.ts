import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, tempDir } from './support.js';

function stampDaysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}_120000`;
}

describe('backup retention (7 daily, 4 weekly, 12 monthly)', () => {
  it('when a year and more of daily backups exists, then exactly the newest of the last 7 days, 4 ISO weeks and 12 months remain', async () => {
    const dir = tempDir('retention');
    const touch = (name: string) => fs.writeFileSync(path.join(dir, name), name);
    // One set a day at 02:00 from 2025-01-01 to 2026-03-10 (a Tuesday), plus a second one that day at 14:00.
    for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2026, 2, 10); t += 86_400_000) {
      const key = `${new Date(t).toISOString().slice(0, 10).replaceAll('-', '')}_020000`;
      touch(`backup_${key}.sql`);
      touch(`uploads_${key}.tar.gz`);
    }
    touch('backup_20260310_140000.sql');
    touch('uploads_20260310_140000.tar.gz');
    // Labelled sets are kept for 30 days whatever the rotation says.
    const recent = stampDaysAgo(10);
    const old = stampDaysAgo(40);
    touch(`backup_${recent}_predeploy.sql`);
    touch(`backup_${old}_predeploy.sql`);
    touch(`uploads_${old}_predeploy.tar.gz`);
    // Never touched: other names, hand-made dumps.
    touch('backup_20251009_2200.sql');
    touch('notes.txt');

    const result = await runScript('scripts/backup.sh', ['--prune-only'], { BACKUP_DIR: dir });
    expect(result.status, result.output).toBe(0);

    const expectedSets = [
      // daily: the newest of each of the last 7 days
      '20260310_140000', '20260309_020000', '20260308_020000', '20260307_020000', '20260306_020000', '20260305_020000', '20260304_020000',
      // weekly: 2026-W11 and W10 are covered above; W09 ends Sunday 03-01, W08 ends 02-22
      '20260301_020000', '20260222_020000',
      // monthly: 2026-03 is covered; then the last day of each month back to April 2025
      '20260228_020000', '20260131_020000', '20251231_020000', '20251130_020000', '20251031_020000', '20250930_020000',
      '20250831_020000', '20250731_020000', '20250630_020000', '20250531_020000', '20250430_020000',
    ];
    const expected = [
      ...expectedSets.flatMap((k) => [`backup_${k}.sql`, `uploads_${k}.tar.gz`]),
      `backup_${recent}_predeploy.sql`,
      'backup_20251009_2200.sql',
      'notes.txt',
    ].sort();
    expect(fs.readdirSync(dir).sort()).toEqual(expected);
    expect(result.stdout).toContain(`kept ${expectedSets.length + 1} set(s)`);
  });

  it('when the policy runs again on what it kept, then nothing more is pruned', async () => {
    const dir = tempDir('retention-idempotent');
    for (let day = 1; day <= 20; day++) fs.writeFileSync(path.join(dir, `backup_202603${String(day).padStart(2, '0')}_020000.sql`), '');
    expect((await runScript('scripts/backup.sh', ['--prune-only'], { BACKUP_DIR: dir })).status).toBe(0);
    const first = fs.readdirSync(dir).sort();
    // 7 daily (14–20) + weekly newest of W10 (08), W09 (01) + nothing older in March
    expect(first).toEqual(['01', '08', '14', '15', '16', '17', '18', '19', '20'].map((d) => `backup_202603${d}_020000.sql`));
    const again = await runScript('scripts/backup.sh', ['--prune-only'], { BACKUP_DIR: dir });
    expect(again.stdout).toContain('pruned 0');
    expect(fs.readdirSync(dir).sort()).toEqual(first);
  });
});
