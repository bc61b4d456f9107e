import type { Config } from '../../config/config.js';
import { createLocalStorage } from './local-storage.driver.js';
import type { PhotoStorage } from './photo-storage.js';
import { createS3Storage } from './s3-storage.driver.js';

/** The storage driver the configuration names (STORAGE_DRIVER). */
export function storageFromConfig(storage: Config['photos']['storage']): PhotoStorage {
  return storage.driver === 's3' ? createS3Storage(storage.s3) : createLocalStorage(storage.dir);
}
