import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closedToOthers } from '../../src/db/embedded.js';

describe('embedded PostgreSQL as root', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lavandaria-access-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('when a directory on the way is closed to other users, then it is the one named', () => {
    const closed = path.join(root, 'checkout');
    fs.mkdirSync(path.join(closed, 'node_modules', 'pkg'), { recursive: true });
    fs.chmodSync(root, 0o755);
    fs.chmodSync(closed, 0o700);
    expect(closedToOthers(path.join(closed, 'node_modules', 'pkg'))).toBe(closed);
  });

  it('when every directory on the way can be entered, then nothing is named (also for paths not created yet)', () => {
    const open = path.join(root, 'open');
    fs.mkdirSync(path.join(open, 'a'), { recursive: true });
    fs.chmodSync(root, 0o755);
    fs.chmodSync(open, 0o755);
    fs.chmodSync(path.join(open, 'a'), 0o755);
    expect(closedToOthers(path.join(open, 'a'))).toBeUndefined();
    expect(closedToOthers(path.join(open, 'a', 'not-yet', 'data'))).toBeUndefined();
  });
});
