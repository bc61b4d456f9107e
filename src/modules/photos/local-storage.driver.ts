import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { assertStorageKey, StorageUnavailable, StoredObjectMissing, type PhotoStorage } from './photo-storage.js';

/** File-system errors that mean "the disk cannot be used now" (full, read-only, gone, not allowed). */
const UNAVAILABLE = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO', 'ENOTDIR', 'ENOENT', 'EMFILE', 'ENFILE', 'EBUSY']);

function unavailable(err: unknown, action: string): never {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code && UNAVAILABLE.has(code)) throw new StorageUnavailable(`Upload directory unavailable (${action}: ${code})`, { cause: err });
  throw err;
}

/**
 * Photos in a local directory (UPLOADS_DIR). Each object is written to a temporary name beside its
 * final one and renamed into place, so a crash or a full disk never leaves a half-written photo under
 * a real key. The directory is only ever read through the access-checked photo routes.
 */
export function createLocalStorage(root: string): PhotoStorage {
  const dir = path.resolve(root);
  const fullPath = (key: string) => {
    assertStorageKey(key);
    return path.join(dir, key);
  };

  return {
    driver: 'local',

    async put(key, body) {
      const target = fullPath(key);
      const partial = `${target}.${crypto.randomBytes(6).toString('hex')}.part`;
      try {
        await fsp.mkdir(path.dirname(target), { recursive: true });
        const handle = await fsp.open(partial, 'wx', 0o640);
        try {
          await handle.writeFile(body);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fsp.rename(partial, target);
      } catch (err) {
        await fsp.rm(partial, { force: true }).catch(() => undefined);
        unavailable(err, 'write');
      }
    },

    async get(key) {
      const target = fullPath(key);
      let handle: fsp.FileHandle;
      try {
        handle = await fsp.open(target, 'r');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
          // A missing root is an unusable disk; a missing file under a present root is a missing object.
          if (!fs.existsSync(dir)) unavailable(err, 'read');
          throw new StoredObjectMissing(key);
        }
        unavailable(err, 'read');
      }
      try {
        const { size } = await handle.stat();
        return { body: handle.createReadStream(), size };
      } catch (err) {
        await handle.close();
        unavailable(err, 'read');
      }
    },

    async delete(key) {
      try {
        await fsp.rm(fullPath(key), { force: true });
      } catch (err) {
        unavailable(err, 'delete');
      }
    },

    async list() {
      let entries: fs.Dirent[];
      try {
        entries = await fsp.readdir(dir, { recursive: true, withFileTypes: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        unavailable(err, 'list');
      }
      // Every file counts, leftovers of interrupted writes included: the orphan check must see them.
      return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    },
  };
}
