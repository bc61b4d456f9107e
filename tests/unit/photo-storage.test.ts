import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalStorage } from '../../src/modules/photos/local-storage.driver.js';
import { createS3Storage } from '../../src/modules/photos/s3-storage.driver.js';
import { isStorageKey, newPhotoKeys, StorageUnavailable, StoredObjectMissing, type PhotoStorage } from '../../src/modules/photos/photo-storage.js';
import { startS3TestServer } from '../fixtures/s3-test-server.js';

async function readAll(storage: PhotoStorage, key: string): Promise<Buffer> {
  const { body } = await storage.get(key);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

/** The contract both drivers keep; each suite runs it against its own driver. */
function behavesLikePhotoStorage(make: () => PhotoStorage) {
  it('when an object is put, then it reads back byte for byte, is listed, and is gone after delete', async () => {
    const storage = make();
    const keys = newPhotoKeys('webp');
    const bytes = crypto.randomBytes(256 * 1024 + 17);
    await storage.put(keys.image, bytes, 'image/webp');
    const back = await storage.get(keys.image);
    expect(back.size).toBe(bytes.length);
    expect((await readAll(storage, keys.image)).equals(bytes)).toBe(true);
    expect(await storage.list()).toContain(keys.image);
    await storage.delete(keys.image);
    expect(await storage.list()).not.toContain(keys.image);
    expect(await failure(storage.get(keys.image))).toBeInstanceOf(StoredObjectMissing);
  });

  it('when an object that is not there is deleted, then nothing fails', async () => {
    await expect(make().delete(newPhotoKeys('webp').thumbnail)).resolves.toBeUndefined();
  });

  it.each(['../../etc/passwd', 'ab/../../x.webp', '/etc/passwd', 'ab/not-a-uuid.webp', 'ab/%2e%2e.webp', ''])(
    'when a key that this module did not make (%j) is used, then the driver refuses it before touching storage',
    async (key) => {
      const storage = make();
      await expect(storage.put(key, Buffer.from('x'), 'image/webp')).rejects.toThrow(/Not a photo storage key/);
      await expect(storage.get(key)).rejects.toThrow(/Not a photo storage key/);
      await expect(storage.delete(key)).rejects.toThrow(/Not a photo storage key/);
    },
  );
}

describe('photo keys', () => {
  it('when keys are made, then they are random, server-made, and a thumbnail sits beside its image', () => {
    const a = newPhotoKeys('webp');
    const b = newPhotoKeys('webp');
    expect(a.image).not.toBe(b.image);
    expect(a.image).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}\.webp$/);
    expect(a.thumbnail).toBe(a.image.replace('.webp', '-thumb.webp'));
    expect([a.image, a.thumbnail].every(isStorageKey)).toBe(true);
  });
});

describe('local storage driver', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'photo-local-'));
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  behavesLikePhotoStorage(() => createLocalStorage(path.join(root, 'uploads')));

  it('when an object is written, then it lands under the root by its key and no temporary file is left', async () => {
    const storage = createLocalStorage(path.join(root, 'atomic'));
    const keys = newPhotoKeys('webp');
    await storage.put(keys.image, Buffer.from('image bytes'), 'image/webp');
    expect(fs.readFileSync(path.join(root, 'atomic', keys.image), 'utf8')).toBe('image bytes');
    expect(await storage.list()).toEqual([keys.image]);
  });

  it('when the upload directory cannot be created (its parent is a file), then writes, reads and listings report StorageUnavailable and leave nothing', async () => {
    const blocker = path.join(root, 'not-a-directory');
    fs.writeFileSync(blocker, 'x');
    const storage = createLocalStorage(path.join(blocker, 'uploads'));
    const keys = newPhotoKeys('webp');
    expect(await failure(storage.put(keys.image, Buffer.from('x'), 'image/webp'))).toBeInstanceOf(StorageUnavailable);
    expect(await failure(storage.get(keys.image))).toBeInstanceOf(StorageUnavailable);
    expect(await failure(storage.list())).toBeInstanceOf(StorageUnavailable);
    expect(fs.readFileSync(blocker, 'utf8')).toBe('x');
  });

  it('when the upload directory does not exist yet, then the listing is empty and the first write creates it', async () => {
    const storage = createLocalStorage(path.join(root, 'fresh', 'uploads'));
    expect(await storage.list()).toEqual([]);
    const keys = newPhotoKeys('webp');
    await storage.put(keys.thumbnail, Buffer.from('t'), 'image/webp');
    expect(await storage.list()).toEqual([keys.thumbnail]);
  });
});

describe('S3 storage driver against an S3-compatible server', () => {
  let s3: Awaited<ReturnType<typeof startS3TestServer>>;
  beforeAll(async () => {
    s3 = await startS3TestServer();
  });
  afterAll(async () => {
    await s3.close();
  });

  behavesLikePhotoStorage(() => createS3Storage(s3.config));

  it('when the bucket does not exist, then writes report StorageUnavailable', async () => {
    const storage = createS3Storage({ ...s3.config, bucket: 'no-such-bucket' });
    expect(await failure(storage.put(newPhotoKeys('webp').image, Buffer.from('x'), 'image/webp'))).toBeInstanceOf(StorageUnavailable);
  });

  it('when the server is down, then writes, reads and deletes report StorageUnavailable quickly', async () => {
    const down = await startS3TestServer('gone');
    const storage = createS3Storage(down.config);
    await down.close();
    const key = newPhotoKeys('webp').image;
    const started = performance.now();
    expect(await failure(storage.put(key, Buffer.from('x'), 'image/webp'))).toBeInstanceOf(StorageUnavailable);
    expect(await failure(storage.get(key))).toBeInstanceOf(StorageUnavailable);
    expect(await failure(storage.delete(key))).toBeInstanceOf(StorageUnavailable);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
