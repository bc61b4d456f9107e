import { ApiError } from '@/lib/api-error';
import { newId } from '@/lib/ids';

/**
 * Start and End taps of a worker's phone, and the ticks of a job's checklist, kept until the server has
 * them. Every tap goes through this queue in order: it is written to localStorage first (a reload or a dead battery loses nothing), then
 * sent. A tap that could not be sent at once carries its tap time (`occurredAt`) when it is replayed,
 * so the server records when the worker really arrived or left, not when the signal came back.
 */

export type TapAction = 'start' | 'end' | 'tick';

/** A checklist tick: the item, ticked or unticked, and for a photo item the upload key of its photo. */
export interface TickDetail {
  itemId: number;
  done: boolean;
  photoUploadKey?: string;
}

export interface QueuedTap {
  id: string;
  jobId: number;
  action: TapAction;
  /** When the worker pressed the button (ISO instant). */
  occurredAt: string;
  /** True once it could not be sent at the moment of the tap: the replay then carries occurredAt. */
  delayed: boolean;
  /** Only for action 'tick'. */
  tick?: TickDetail;
}

/** A tap the server refused (e.g. too old to be accepted): shown to the worker until dismissed. */
export interface FailedTap extends QueuedTap {
  code: string;
}

export interface TapQueueState {
  taps: QueuedTap[];
  failures: FailedTap[];
  sending: boolean;
  /** Increases each time a tap reaches the server: screens refresh their data on it. */
  sentCount: number;
}

export type SendTap = (tap: QueuedTap) => Promise<unknown>;

/** Failures that mean "not now" (no signal, server restarting): the tap stays queued for later. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  // PHOTO_NOT_UPLOADED: a tick whose photo is still in the photo queue; it goes once the photo is up.
  return (
    error.code === 'NETWORK_ERROR' || error.code === 'IDEMPOTENCY_IN_PROGRESS' || error.code === 'BAD_RESPONSE' || error.code === 'PHOTO_NOT_UPLOADED' || error.status >= 500
  );
}

const RETRY_MS = 20_000;

export interface TapQueue {
  getState: () => TapQueueState;
  subscribe: (listener: () => void) => () => void;
  /** Records a tap and tries to send it (and anything queued before it) now. */
  tap: (jobId: number, action: Exclude<TapAction, 'tick'>, at?: Date) => QueuedTap;
  /** Records a checklist tick (in the same order as the time taps) and tries to send it now. */
  tick: (jobId: number, tick: TickDetail, at?: Date) => QueuedTap;
  /** Sends what is queued, oldest first; stops at the first tap that cannot be sent yet. */
  flush: () => Promise<void>;
  dismissFailure: (id: string) => void;
}

function read(key: string): Pick<TapQueueState, 'taps' | 'failures'> {
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<TapQueueState> | null;
    return { taps: Array.isArray(stored?.taps) ? stored.taps : [], failures: Array.isArray(stored?.failures) ? stored.failures : [] };
  } catch {
    return { taps: [], failures: [] };
  }
}

export function createTapQueue(key: string, send: SendTap, online: () => boolean = () => navigator.onLine): TapQueue {
  let state: TapQueueState = { ...read(key), sending: false, sentCount: 0 };
  const listeners = new Set<() => void>();
  let retry: ReturnType<typeof setTimeout> | undefined;

  const set = (next: Partial<TapQueueState>) => {
    state = { ...state, ...next };
    try {
      localStorage.setItem(key, JSON.stringify({ taps: state.taps, failures: state.failures }));
    } catch {
      // Storage full or disabled: the queue still works for as long as the page stays open.
    }
    for (const listener of listeners) listener();
  };

  const scheduleRetry = () => {
    clearTimeout(retry);
    retry = setTimeout(() => void queue.flush(), RETRY_MS);
  };

  const queue: TapQueue = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    tap(jobId, action, at = new Date()) {
      const entry: QueuedTap = { id: newId(), jobId, action, occurredAt: at.toISOString(), delayed: !online() || state.taps.length > 0 };
      set({ taps: [...state.taps, entry] });
      void queue.flush();
      return entry;
    },
    tick(jobId, tick, at = new Date()) {
      const entry: QueuedTap = { id: newId(), jobId, action: 'tick', occurredAt: at.toISOString(), delayed: !online() || state.taps.length > 0, tick };
      set({ taps: [...state.taps, entry] });
      void queue.flush();
      return entry;
    },
    async flush() {
      if (state.sending || state.taps.length === 0) return;
      if (!online()) {
        set({ taps: state.taps.map((t) => ({ ...t, delayed: true })) });
        return;
      }
      set({ sending: true });
      try {
        while (state.taps.length > 0) {
          const next = state.taps[0]!;
          try {
            await send(next);
            set({ taps: state.taps.filter((t) => t.id !== next.id), sentCount: state.sentCount + 1 });
          } catch (error) {
            if (isTransient(error)) {
              set({ taps: state.taps.map((t) => ({ ...t, delayed: true })) });
              scheduleRetry();
              return;
            }
            const code = error instanceof ApiError ? error.code : 'GENERIC';
            set({ taps: state.taps.filter((t) => t.id !== next.id), failures: [...state.failures, { ...next, code }], sentCount: state.sentCount + 1 });
          }
        }
      } finally {
        set({ sending: false });
      }
    },
    dismissFailure(id) {
      set({ failures: state.failures.filter((f) => f.id !== id) });
    },
  };

  // Another tab of the same account changed the queue: take its version.
  window.addEventListener('storage', (event) => {
    if (event.key !== key) return;
    set({ ...read(key) });
  });
  window.addEventListener('online', () => void queue.flush());
  return queue;
}

/** What a job looks like to its worker once the queued Start/End taps are counted in. */
export function pendingFor(taps: QueuedTap[], jobId: number): QueuedTap | undefined {
  return taps.filter((t) => t.jobId === jobId && t.action !== 'tick').at(-1);
}

/** The newest queued tick of each checklist item of a job: what the worker sees until the server has it. */
export function pendingTicks(taps: QueuedTap[], jobId: number): Map<number, QueuedTap & { tick: TickDetail }> {
  const ticks = new Map<number, QueuedTap & { tick: TickDetail }>();
  for (const tap of taps) if (tap.jobId === jobId && tap.tick) ticks.set(tap.tick.itemId, tap as QueuedTap & { tick: TickDetail });
  return ticks;
}
