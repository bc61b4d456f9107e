import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { usePrincipal } from '@/features/auth/api/get-session';
import { tapJob } from '@/features/cleaning/api/job-actions';
import { cleaningKeys } from '@/features/cleaning/api/keys';
import { tickChecklistItem } from '@/features/turnovers/api/turnovers-api';
import { createTapQueue, type TapQueue } from './tap-queue';

// One queue per account on this device (two people may share a phone), kept while the app is open.
const queues = new Map<number, TapQueue>();

function queueFor(userId: number): TapQueue {
  let queue = queues.get(userId);
  if (!queue) {
    queue = createTapQueue(`lavandaria.cleaning.taps.${userId}`, (tap) => {
      const when = tap.delayed ? { occurredAt: tap.occurredAt } : {};
      if (tap.action === 'tick' && tap.tick) {
        const { itemId, done, photoUploadKey } = tap.tick;
        return tickChecklistItem({ jobId: tap.jobId, itemId, input: { done, ...when, ...(photoUploadKey ? { photoUploadKey } : {}) } });
      }
      return tapJob({ id: tap.jobId, action: tap.action === 'end' ? 'end' : 'start', input: when });
    });
    queues.set(userId, queue);
  }
  return queue;
}

/** The signed-in worker's tap queue, with the screens' data refreshed whenever a tap reaches the server. */
export function useTapQueue() {
  const principal = usePrincipal();
  const queue = queueFor(principal.id);
  const state = useSyncExternalStore(queue.subscribe, queue.getState);
  const queryClient = useQueryClient();
  const seen = useRef(state.sentCount);

  useEffect(() => {
    if (state.sentCount === seen.current) return;
    seen.current = state.sentCount;
    void queryClient.invalidateQueries({ queryKey: cleaningKeys.all });
  }, [state.sentCount, queryClient]);

  // Opening the app (or this screen) sends whatever an earlier visit left queued.
  useEffect(() => {
    void queue.flush();
  }, [queue]);

  return { ...state, tap: queue.tap, tick: queue.tick, dismissFailure: queue.dismissFailure, flush: queue.flush };
}

/** Whether the browser believes it is online, kept current. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (listener) => {
      window.addEventListener('online', listener);
      window.addEventListener('offline', listener);
      return () => {
        window.removeEventListener('online', listener);
        window.removeEventListener('offline', listener);
      };
    },
    () => navigator.onLine,
  );
}
