import type { Config, S3StorageConfig } from '../../config/config.js';
import { createLocalStorage } from './local-storage.driver.js';
import type { PhotoStorage } from './photo-storage.js';

/** The storage driver the configuration names (STORAGE_DRIVER). */
export function storageFromConfig(storage: Config['photos']['storage']): PhotoStorage {
  return storage.driver === 's3' ? lazyS3Storage(storage.s3) : createLocalStorage(storage.dir);
}

/**
 * The S3 driver, with the AWS SDK loaded on the first storage call rather than at boot: a process on the
 * local driver never loads it, and one on S3 boots without waiting for it (boot time and memory).
 */
function lazyS3Storage(config: S3StorageConfig): PhotoStorage {
  let loaded: Promise<PhotoStorage> | undefined;
  const storage = () => (loaded ??= import('./s3-storage.driver.js').then((m) => m.createS3Storage(config)));
  return {
    driver: 's3',
    put: async (key, body, contentType) => (await storage()).put(key, body, contentType),
    get: async (key) => (await storage()).get(key),
    delete: async (key) => (await storage()).delete(key),
    list: async () => (await storage()).list(),
  };
}
