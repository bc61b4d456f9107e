import type { PhotoTypeValue } from '@contracts/photos';
import { ApiError } from '@/lib/api-error';
import { newId } from '@/lib/ids';
import type { PhotoStore, UploadFailure, UploadRecord } from './photo-store';

/**
 * The worker's photo upload queue. Every photo is written to IndexedDB before anything is sent, then
 * uploaded one request per photo, oldest first, each under its own upload key: if the network drops
 * after the server stored a photo but before the answer arrived, the retry carries the same key and
 * the server answers with the photo it already made — each photo arrives exactly once.
 *
 * Failures that may pass (no signal, a server restart, an expired session) are retried with a growing
 * delay, and at once when the browser says it is online again; answers that will never change (not a
 * photo, too large, the job closed) stop the retries and wait for the worker to retry or remove.
 */

export interface NewUpload {
  jobId: number;
  photoType: PhotoTypeValue;
  roomArea: string | null;
  caption: string | null;
  fileName: string;
  blob: Blob;
  preview: string | null;
}

export interface QueueItem extends UploadRecord {
  /** 0–1 while its bytes are on the way (memory only). */
  progress: number | null;
}

export interface UploadQueueState {
  /** False until the items kept on this device have been read. */
  ready: boolean;
  items: QueueItem[];
  online: boolean;
}

export interface SendHooks {
  onProgress: (fraction: number) => void;
  signal: AbortSignal;
}

export type SendUpload = (item: UploadRecord, body: Blob, hooks: SendHooks) => Promise<unknown>;

export interface UploadQueueOptions {
  owner: string;
  store: PhotoStore;
  send: SendUpload;
  online?: () => boolean;
  now?: () => number;
  newKey?: () => string;
  /** Milliseconds to wait after the n-th failed attempt (n from 1). */
  backoff?: (attempts: number) => number;
  /** Where `online`, `offline` and `visibilitychange` are heard (the window; tests pass their own). */
  events?: EventTarget;
  /** A photo reached the server: screens showing that job refresh. */
  onUploaded?: (jobId: number) => void;
}

export interface UploadQueue {
  getState: () => UploadQueueState;
  subscribe: (listener: () => void) => () => void;
  /** Resolves once the items kept on this device are loaded. */
  ready: Promise<void>;
  /** Keeps the photos on the device (all or none) and starts sending them. Returns their upload keys. */
  add: (uploads: NewUpload[]) => Promise<string[]>;
  /** Tries one photo again now (a refused one, or one waiting for its next automatic attempt). */
  retry: (id: string) => void;
  retryAll: () => void;
  /** Drops a photo from the queue and the device (cancelling it if it is on its way). */
  remove: (id: string) => Promise<void>;
  /** Sends whatever is due now. */
  pump: () => Promise<void>;
  /** Every photo waiting for a later attempt is due now (the app opened, a sign-in, the signal back). */
  wake: () => Promise<void>;
  dispose: () => void;
}

export type FailureKind = 'retry' | 'signIn' | 'permanent';

/** Torn or interrupted request bodies: the same photo sent again may well pass. */
const TRANSIENT_400 = new Set(['MALFORMED_MULTIPART', 'REQUEST_ABORTED']);

/**
 * What to do after a failed upload: `retry` for no answer, 408/429 and 5xx (and a body cut in transit),
 * `signIn` for an expired session (kept, and sent once the same person signs in again), `permanent` for
 * every other 4xx — 413, 415, 422, a closed job, a full job, no longer assigned — which no retry changes.
 */
export function classifyFailure(error: unknown): FailureKind {
  if (!(error instanceof ApiError)) return 'retry';
  if (error.status === 0 || error.code === 'NETWORK_ERROR' || error.code === 'BAD_RESPONSE') return 'retry';
  if (error.status === 401) return 'signIn';
  if (error.status === 408 || error.status === 429 || error.status >= 500) return 'retry';
  if (error.status === 400 && TRANSIENT_400.has(error.code)) return 'retry';
  return 'permanent';
}

/** The quota a PHOTO_QUOTA_EXCEEDED refusal names, kept so the queue can say which limit was met. */
function quotaOf(error: ApiError): UploadFailure['quota'] {
  const details = error.details as { scope?: unknown; limit?: unknown } | undefined;
  if (error.code !== 'PHOTO_QUOTA_EXCEEDED' || !details || typeof details.limit !== 'number') return undefined;
  return { scope: details.scope === 'userDay' ? 'userDay' : 'job', limit: details.limit };
}

export function failureOf(error: unknown): UploadFailure {
  if (error instanceof ApiError) {
    const quota = quotaOf(error);
    return quota ? { code: error.code, status: error.status, quota } : { code: error.code, status: error.status };
  }
  return { code: 'GENERIC', status: 0 };
}

/** 5 s, 15 s, 45 s, then every 2 minutes: a phone without signal is not kept busy. */
export const defaultBackoff = (attempts: number) => Math.min(5_000 * 3 ** Math.max(0, attempts - 1), 120_000);

export function createUploadQueue({
  owner,
  store,
  send,
  online = () => navigator.onLine,
  now = () => Date.now(),
  newKey = newId,
  backoff = defaultBackoff,
  events = window,
  onUploaded,
}: UploadQueueOptions): UploadQueue {
  let state: UploadQueueState = { ready: false, items: [], online: online() };
  const listeners = new Set<() => void>();
  let pumping = false;
  let again = false;
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: { id: string; controller: AbortController } | undefined;

  const emit = (next: Partial<UploadQueueState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  const setItem = (id: string, patch: Partial<QueueItem>) => emit({ items: state.items.map((item) => (item.id === id ? { ...item, ...patch } : item)) });
  const find = (id: string) => state.items.find((item) => item.id === id);
  const recordOf = ({ progress: _progress, ...record }: QueueItem): UploadRecord => record;
  /** Writes an item's state to the device; a storage hiccup must not stop the queue in memory. */
  const persist = async (id: string) => {
    const item = find(id);
    if (item) await store.update(recordOf(item)).catch(() => undefined);
  };

  const ready = (async () => {
    const records = await store.list(owner).catch(() => [] as UploadRecord[]);
    const items: QueueItem[] = [];
    for (const record of records) {
      if (record.state === 'done') {
        await store.remove(record.id).catch(() => undefined);
        continue;
      }
      // Sending when the page went away: it goes again (its key makes a second arrival harmless).
      const restored = record.state === 'uploading' ? { ...record, state: 'queued' as const, nextAttemptAt: null } : record;
      if (restored !== record) await store.update(restored).catch(() => undefined);
      items.push({ ...restored, progress: null });
    }
    // Anything added while the device's items were being read stays after them.
    emit({ ready: true, items: [...items, ...state.items.filter((i) => !items.some((r) => r.id === i.id))] });
  })();

  function schedule() {
    clearTimeout(timer);
    if (disposed) return;
    const due = state.items.filter((i) => i.state === 'queued' && i.nextAttemptAt !== null).map((i) => i.nextAttemptAt!);
    if (due.length === 0) return;
    timer = setTimeout(() => void queue.pump(), Math.max(0, Math.min(...due) - now()));
  }

  const nextDue = () => state.items.find((i) => i.state === 'queued' && (i.nextAttemptAt === null || i.nextAttemptAt <= now()));

  async function attempt(item: QueueItem) {
    const attempts = item.attempts + 1;
    setItem(item.id, { state: 'uploading', progress: 0, attempts });
    await persist(item.id);
    const body = await store.body(item.id).catch(() => undefined);
    if (!body) {
      setItem(item.id, { state: 'failed', progress: null, lastError: { code: 'PHOTO_FILE_MISSING', status: 0 }, nextAttemptAt: null });
      await persist(item.id);
      return;
    }
    const controller = new AbortController();
    current = { id: item.id, controller };
    try {
      await send(recordOf({ ...item, attempts }), new Blob([body.bytes], { type: body.type }), {
        signal: controller.signal,
        onProgress: (fraction) => setItem(item.id, { progress: Math.max(0, Math.min(1, fraction)) }),
      });
      setItem(item.id, { state: 'done', progress: 1, lastError: null });
      await store.remove(item.id).catch(() => store.update({ ...recordOf(item), state: 'done' }).catch(() => undefined));
      emit({ items: state.items.filter((i) => i.id !== item.id) });
      onUploaded?.(item.jobId);
    } catch (error) {
      // Removed by the worker while on its way: nothing left to record.
      if (controller.signal.aborted || !find(item.id)) return;
      const kind = classifyFailure(error);
      const lastError = failureOf(error);
      if (kind === 'permanent') setItem(item.id, { state: 'failed', progress: null, lastError, nextAttemptAt: null });
      else setItem(item.id, { state: 'queued', progress: null, lastError, nextAttemptAt: now() + backoff(attempts) });
      await persist(item.id);
    } finally {
      current = undefined;
    }
  }

  /** Every waiting photo is due now (the signal is back, the app came to the front, "retry all"). */
  function dueNow(includeFailed: boolean) {
    const changed: string[] = [];
    emit({
      items: state.items.map((item) => {
        if (item.state === 'queued' || (includeFailed && item.state === 'failed')) {
          changed.push(item.id);
          return { ...item, state: 'queued', nextAttemptAt: null };
        }
        return item;
      }),
    });
    return Promise.all(changed.map(persist));
  }

  const onOnline = () => {
    emit({ online: true });
    void queue.wake();
  };
  const onOffline = () => emit({ online: false });
  const onVisible = () => {
    if (typeof document === 'undefined' || document.visibilityState === 'visible') void queue.wake();
  };
  events.addEventListener('online', onOnline);
  events.addEventListener('offline', onOffline);
  events.addEventListener('visibilitychange', onVisible);

  const queue: UploadQueue = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready,

    async add(uploads) {
      const made: QueueItem[] = [];
      for (const upload of uploads) {
        const record: UploadRecord = {
          id: newKey(),
          owner,
          jobId: upload.jobId,
          photoType: upload.photoType,
          roomArea: upload.roomArea,
          caption: upload.caption,
          fileName: upload.fileName,
          preview: upload.preview,
          sizeBytes: upload.blob.size,
          createdAt: new Date(now()).toISOString(),
          state: 'queued',
          attempts: 0,
          lastError: null,
          nextAttemptAt: null,
        };
        await store.add(record, { bytes: await upload.blob.arrayBuffer(), type: upload.blob.type || 'image/jpeg' });
        made.push({ ...record, progress: null });
      }
      emit({ items: [...state.items, ...made] });
      void queue.pump();
      return made.map((m) => m.id);
    },

    retry(id) {
      const item = find(id);
      if (!item || item.state === 'uploading') return;
      setItem(id, { state: 'queued', nextAttemptAt: null });
      void persist(id).then(() => queue.pump());
    },

    retryAll() {
      void dueNow(true).then(() => queue.pump());
    },

    async remove(id) {
      if (current?.id === id) current.controller.abort();
      emit({ items: state.items.filter((i) => i.id !== id) });
      await store.remove(id).catch(() => undefined);
    },

    async pump() {
      if (pumping) {
        again = true;
        return;
      }
      pumping = true;
      try {
        await ready;
        do {
          again = false;
          for (let next = nextDue(); next && !disposed; next = nextDue()) {
            if (!online()) {
              emit({ online: false });
              return;
            }
            if (!state.online) emit({ online: true });
            await attempt(next);
          }
        } while (again && !disposed);
      } finally {
        pumping = false;
        schedule();
      }
    },

    async wake() {
      await ready;
      await dueNow(false);
      await queue.pump();
    },

    dispose() {
      disposed = true;
      clearTimeout(timer);
      current?.controller.abort();
      events.removeEventListener('online', onOnline);
      events.removeEventListener('offline', onOffline);
      events.removeEventListener('visibilitychange', onVisible);
      listeners.clear();
    },
  };
  return queue;
}
