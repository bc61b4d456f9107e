import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where the embedded PostgreSQL's programs and data live so that the user it runs as can reach them.
 *
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user, who cannot enter
 * private directories (root's home, a `mktemp -d` directory, a checkout under either). Nothing of the
 * user's is opened up for it: its programs are copied once per version, and data directories it cannot
 * reach are kept under a system directory (`/var/lib/lavandaria-embedded-postgres`) instead.
 */

export interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

const POSTGRES_USER = 'postgres';
const SYSTEM_DIRS = ['/var/lib/lavandaria-embedded-postgres', path.join(os.tmpdir(), 'lavandaria-embedded-postgres')];
/** A staging directory older than this was left by a process that died while creating it. */
const STALE_STAGING_MS = 60 * 60 * 1000;

/** The user PostgreSQL runs as: null when that is us (not root); as root the `postgres` user, created when missing. */
export function postgresRunAs(): RunAs | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  return lookUpUser(POSTGRES_USER) ?? createSystemUser(POSTGRES_USER);
}

function lookUpUser(name: string): RunAs | null {
  const id = (flag: string) => spawnSync('id', [flag, name], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function createSystemUser(name: string): RunAs {
  const groupExists = spawnSync('getent', ['group', name]).status === 0;
  const created = spawnSync('useradd', ['--system', '--no-create-home', ...(groupExists ? ['--gid', name] : ['--user-group']), name], { encoding: 'utf8' });
  const user = lookUpUser(name);
  if (!user) {
    const why = created.error?.message ?? created.stderr.trim();
    throw new Error(
      `Embedded PostgreSQL cannot run as root and there is no '${name}' user to run it as (useradd: ${why}). ` +
        `Create that user, work as a normal user, or set DB_HOST to a PostgreSQL server.`,
    );
  }
  return user;
}

/**
 * Whether `user` can reach `target` — enter every directory on the way and execute or enter the target —
 * asked of the system as that user, so group rights and ACLs count exactly as they will for PostgreSQL.
 */
export function reachableBy(user: RunAs, target: string): boolean {
  return spawnSync('test', ['-x', target], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}

/**
 * A directory of ours that `user` can reach: the first system directory that is (or can be made) a
 * root-owned directory nobody else can write to. Anything else found there is not trusted.
 */
export function systemDir(user: RunAs, candidates = SYSTEM_DIRS): string {
  const refused: string[] = [];
  for (const dir of candidates) {
    try {
      fs.mkdirSync(dir, { recursive: true });
      const stat = fs.lstatSync(dir);
      if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
        refused.push(`${dir} (not a directory owned by root and writable only by it)`);
        continue;
      }
      // The umask may have left it closed to others; it is ours, and holds nothing secret.
      if ((stat.mode & 0o005) !== 0o005) fs.chmodSync(dir, 0o755);
      if (reachableBy(user, dir)) return dir;
      refused.push(`${dir} (the '${user.name}' user cannot enter it)`);
    } catch (err) {
      refused.push(`${dir} (${(err as Error).message})`);
    }
  }
  throw new Error(`No directory the '${user.name}' user can reach for the embedded PostgreSQL: ${refused.join('; ')}`);
}

/**
 * PostgreSQL's programs (bin/, lib/, share/ of the installed package) where `user` can run them: in place
 * when it can reach them, else a copy made once per version under the system directory.
 */
export function placePrograms(installDir: string, label: string, user: RunAs | null, systemDirs = SYSTEM_DIRS): string {
  if (!user || reachableBy(user, path.join(installDir, 'bin', 'postgres'))) return installDir;
  const root = systemDir(user, systemDirs);
  const target = path.join(root, `postgresql-${label}`);
  // A copy only ever appears complete: it is made in a staging directory and renamed into place.
  if (fs.existsSync(path.join(target, 'bin', 'postgres'))) return target;
  const staging = stagingDir(root);
  fs.cpSync(fs.realpathSync(installDir), staging, { recursive: true, verbatimSymlinks: true });
  fs.chmodSync(staging, 0o755);
  publish(staging, target);
  if (!reachableBy(user, path.join(target, 'bin', 'postgres'))) {
    throw new Error(`The '${user.name}' user cannot run the PostgreSQL programs copied to ${target}`);
  }
  return target;
}

/**
 * The directory PostgreSQL keeps a persistent cluster in, meant to be `dataDir` (`<DATA_DIR>/postgres`).
 * In place when `user` can reach it. Otherwise the cluster lives in `<system dir>/clusters/<hash of
 * dataDir>/data` and `dataDir` is a symbolic link to it: the checkout finds its data again (also after
 * being moved), and deleting `dataDir` (or the whole checkout) lets a later start sweep that cluster away.
 */
export function placeDataDir(dataDir: string, user: RunAs | null, systemDirs = SYSTEM_DIRS): string {
  const wanted = path.resolve(dataDir);
  fs.mkdirSync(path.dirname(wanted), { recursive: true });
  if (!user) return wanted;
  const link = linkTarget(wanted);
  const kept = link === null ? null : keptClusterHome(link, systemDirs);

  if (kept === null) {
    // No link, or one the developer made to a directory of their own choosing: used where it points.
    const real = link === null ? wanted : resolvedLink(wanted);
    if (reachableBy(user, path.dirname(real))) {
      fs.mkdirSync(real, { recursive: true });
      fs.chownSync(real, user.uid, user.gid);
      return real;
    }
    if (link !== null) throw new Error(`${wanted} links to ${real}, which the '${user.name}' user cannot reach`);
    if (fs.existsSync(wanted)) {
      if (fs.readdirSync(wanted).length > 0) {
        throw new Error(`${wanted} holds data the '${user.name}' user cannot reach; move it away to start a new embedded PostgreSQL there`);
      }
      fs.rmdirSync(wanted);
    }
  }

  const clusters = path.join(systemDir(user, systemDirs), 'clusters');
  fs.mkdirSync(clusters, { recursive: true });
  let home = kept !== null && fs.existsSync(path.join(kept, 'data')) ? kept : null;
  if (home === null) {
    home = path.join(clusters, crypto.createHash('sha256').update(wanted).digest('hex').slice(0, 16));
    // What was kept for this path before its link went away was given up with the link, unless still running.
    if (fs.existsSync(home) && !clusterRunning(path.join(home, 'data'))) fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(wanted, { force: true });
    // The link first: a sweep by another process never mistakes the new cluster for an abandoned one.
    fs.symlinkSync(path.join(home, 'data'), wanted);
  }
  if (!fs.existsSync(home)) {
    const staging = stagingDir(clusters);
    fs.chmodSync(staging, 0o755);
    publish(staging, home);
  }
  // Where the cluster's link lives, for the sweep; rewritten when the checkout has moved.
  const originFile = path.join(home, 'origin');
  if (readText(originFile) !== wanted) fs.writeFileSync(originFile, wanted);
  const data = path.join(home, 'data');
  if (!fs.existsSync(data)) {
    fs.mkdirSync(data);
    fs.chownSync(data, user.uid, user.gid);
  }
  sweepAbandonedClusters(clusters, home);
  return data;
}

/** The cluster home a link points into, when it is one of ours (`<system dir>/clusters/<name>/data`). */
function keptClusterHome(link: string, systemDirs: string[]): string | null {
  const home = path.dirname(link);
  const inOurs = systemDirs.some((dir) => path.dirname(home) === path.join(dir, 'clusters'));
  return path.isAbsolute(link) && path.basename(link) === 'data' && inOurs ? home : null;
}

function resolvedLink(file: string): string {
  const target = path.resolve(path.dirname(file), fs.readlinkSync(file));
  fs.mkdirSync(target, { recursive: true });
  return fs.realpathSync(target);
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** A new temporary directory `user` can reach, for a throwaway cluster (`<dir>/data`); removed on stop. */
export function throwawayDir(user: RunAs | null, systemDirs = SYSTEM_DIRS): string {
  const base = !user || reachableBy(user, os.tmpdir()) ? os.tmpdir() : systemDir(user, systemDirs);
  const dir = fs.mkdtempSync(path.join(base, 'lavandaria-pg-'));
  if (user) fs.chownSync(dir, user.uid, user.gid);
  return dir;
}

function linkTarget(file: string): string | null {
  try {
    return fs.readlinkSync(file);
  } catch {
    return null;
  }
}

function stagingDir(parent: string): string {
  return fs.mkdtempSync(path.join(parent, '.staging-'));
}

/** Moves a finished staging directory to its name; when another process got there first, theirs stays. */
function publish(staging: string, target: string): void {
  try {
    fs.renameSync(staging, target);
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(target)) throw err;
  }
}

/** The cluster in `dataDir` is running: its postmaster.pid names a live process. */
export function clusterRunning(dataDir: string): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return pid > 0 && processAlive(pid);
  } catch {
    return false;
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Clusters whose data directory no longer links to them (checkout or DATA_DIR deleted), unless running. */
function sweepAbandonedClusters(clusters: string, keep: string): void {
  for (const entry of fs.readdirSync(clusters)) {
    const home = path.join(clusters, entry);
    if (home === keep) continue;
    if (entry.startsWith('.staging-')) {
      if (Date.now() - fs.statSync(home).mtimeMs > STALE_STAGING_MS) fs.rmSync(home, { recursive: true, force: true });
      continue;
    }
    const origin = readText(path.join(home, 'origin'));
    if (origin === null) continue; // not one of ours
    const data = path.join(home, 'data');
    if (linkTarget(origin) === data || clusterRunning(data)) continue;
    fs.rmSync(home, { recursive: true, force: true });
  }
}
