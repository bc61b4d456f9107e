import type { PhotoTypeValue } from '@contracts/photos';

/**
 * Photos waiting to be uploaded, kept in IndexedDB on the phone so a reload, a crash or a dead battery
 * loses nothing. Two object stores: `uploads` holds what the queue shows (small records, listed by
 * owner) and `bodies` the image bytes, read only when a photo is sent. Bytes are kept as an ArrayBuffer
 * with their type, which every browser's IndexedDB stores (Blobs were unreliable in some).
 */

export type UploadState = 'queued' | 'uploading' | 'failed' | 'done';

export interface UploadFailure {
  code: string;
  status: number;
  /** For a quota refusal: which quota (the job's, or the person's day) and its value. */
  quota?: { scope: 'job' | 'userDay'; limit: number };
}

export interface UploadRecord {
  /** Also the upload key the server deduplicates on: a retried upload returns the photo it made. */
  id: string;
  /** `user:<id>` of the account that took the photo; no other account ever sends or sees it. */
  owner: string;
  jobId: number;
  photoType: PhotoTypeValue;
  roomArea: string | null;
  caption: string | null;
  fileName: string;
  /** A small data-URL preview for the queue list (null when one could not be made). */
  preview: string | null;
  sizeBytes: number;
  createdAt: string;
  state: UploadState;
  attempts: number;
  lastError: UploadFailure | null;
  /** When the next automatic attempt is due (ms since epoch); null for "as soon as possible". */
  nextAttemptAt: number | null;
}

export interface UploadBody {
  bytes: ArrayBuffer;
  type: string;
}

export interface PhotoStore {
  list(owner: string): Promise<UploadRecord[]>;
  /** Writes the record and its bytes in one transaction: both or neither. */
  add(record: UploadRecord, body: UploadBody): Promise<void>;
  update(record: UploadRecord): Promise<void>;
  body(id: string): Promise<UploadBody | undefined>;
  remove(id: string): Promise<void>;
}

export const PHOTO_DB_NAME = 'lavandaria-photos';

/** Whose photos a record is: `<type>:<id>` of the signed-in account. */
export const photoOwnerOf = (principal: { type: string; id: number }) => `${principal.type}:${principal.id}`;

/**
 * How many photos of this person wait on this device. Signing out clears the site's storage (nothing of
 * an account stays on a shared phone), so the sign-out asks first when any would be lost.
 */
export async function unsentPhotoCount(owner: string, store: PhotoStore = createPhotoStore()): Promise<number> {
  return (await store.list(owner)).filter((record) => record.state !== 'done').length;
}
const VERSION = 1;
const UPLOADS = 'uploads';
const BODIES = 'bodies';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function open(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(UPLOADS)) db.createObjectStore(UPLOADS, { keyPath: 'id' }).createIndex('owner', 'owner');
      if (!db.objectStoreNames.contains(BODIES)) db.createObjectStore(BODIES);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    // Another tab holds an older version open: it closes on `versionchange` below.
    request.onblocked = () => undefined;
  });
}

/** The store on this device (`factory` is the browser's indexedDB; tests pass fake-indexeddb's). */
export function createPhotoStore(factory: IDBFactory = indexedDB, name: string = PHOTO_DB_NAME): PhotoStore {
  let connection: Promise<IDBDatabase> | undefined;
  const db = () => {
    connection ??= open(factory, name).then((opened) => {
      opened.onversionchange = () => {
        opened.close();
        connection = undefined;
      };
      return opened;
    });
    return connection;
  };

  return {
    async list(owner) {
      const tx = (await db()).transaction(UPLOADS, 'readonly');
      const records = await promised(tx.objectStore(UPLOADS).index('owner').getAll(owner) as IDBRequest<UploadRecord[]>);
      return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },
    async add(record, body) {
      const tx = (await db()).transaction([UPLOADS, BODIES], 'readwrite');
      tx.objectStore(BODIES).put(body, record.id);
      tx.objectStore(UPLOADS).put(record);
      await finished(tx);
    },
    async update(record) {
      const tx = (await db()).transaction(UPLOADS, 'readwrite');
      tx.objectStore(UPLOADS).put(record);
      await finished(tx);
    },
    async body(id) {
      const tx = (await db()).transaction(BODIES, 'readonly');
      return (await promised(tx.objectStore(BODIES).get(id) as IDBRequest<UploadBody | undefined>)) ?? undefined;
    },
    async remove(id) {
      const tx = (await db()).transaction([UPLOADS, BODIES], 'readwrite');
      tx.objectStore(UPLOADS).delete(id);
      tx.objectStore(BODIES).delete(id);
      await finished(tx);
    },
  };
}
