import crypto from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where processed photos live. One interface, two drivers (a local directory, an S3-compatible bucket);
 * the service never knows which. Keys are made here from random ids, never from anything the client
 * sent (ASVS 5.3.2), so a hostile file name cannot reach a path or an object key.
 */
export interface PhotoStorage {
  readonly driver: 'local' | 's3';
  /** Writes the whole object or nothing (a reader never sees half a file). */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Streams an object; throws StoredObjectMissing when it is not there. */
  get(key: string): Promise<StoredObject>;
  /** Removes an object; removing one that is already gone is not an error. */
  delete(key: string): Promise<void>;
  /** Every key held (tests and the orphan check compare this with the database). */
  list(): Promise<string[]>;
}

export interface StoredObject {
  body: Readable;
  size: number;
}

/** The disk or bucket cannot be used right now: the request answers 503 and nothing is kept. */
export class StorageUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailable';
  }
}

export class StoredObjectMissing extends Error {
  constructor(key: string) {
    super(`No stored object ${key}`);
    this.name = 'StoredObjectMissing';
  }
}

/** `ab/<uuid>.webp`: the first two hex digits spread the files over 256 directories. */
const KEY = /^[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(-thumb)?\.(webp|jpg)$/;

export function isStorageKey(key: string): boolean {
  return KEY.test(key);
}

/** A guard every driver runs first: only keys this module made are ever turned into paths or object names. */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Not a photo storage key: ${JSON.stringify(key)}`);
}

/** Fresh random keys for one photo and its thumbnail. */
export function newPhotoKeys(extension: 'webp' | 'jpg'): { image: string; thumbnail: string } {
  const id = crypto.randomUUID();
  const dir = id.slice(0, 2);
  return { image: `${dir}/${id}.${extension}`, thumbnail: `${dir}/${id}-thumb.${extension}` };
}
