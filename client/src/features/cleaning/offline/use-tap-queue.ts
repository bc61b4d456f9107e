import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { usePrincipal } from '@/features/auth/api/get-session';
import { tapJob } from '@/features/cleaning/api/job-actions';
import { cleaningKeys } from '@/features/cleaning/api/keys';
import { tickChecklistItem, turnoverKeys } from '@/features/turnovers/api/turnovers-api';
import { createTapQueue, type TapQueue } from './tap-queue';

// One queue per account on this device (two people may share a phone), kept while the app is open.
const queues = new Map<number, TapQueue>();

function queueFor(userId: number, queryClient: QueryClient): TapQueue {
  let queue = queues.get(userId);
  if (!queue) {
    queue = createTapQueue(`lavandaria.cleaning.taps.${userId}`, async (tap) => {
      const when = tap.delayed ? { occurredAt: tap.occurredAt } : {};
      if (tap.action === 'tick' && tap.tick) {
        const { itemId, done, photoUploadKey } = tap.tick;
        const checklist = await tickChecklistItem({ jobId: tap.jobId, itemId, input: { done, ...when, ...(photoUploadKey ? { photoUploadKey } : {}) } });
        // The answer is the checklist as the server now has it: kept at once, because once the tick leaves the
        // queue the screen shows the cached checklist, and a refetch cut short by a lost signal would leave it
        // showing the item unticked.
        queryClient.setQueryData(turnoverKeys.jobChecklist(tap.jobId), checklist);
        return checklist;
      }
      const job = await tapJob({ id: tap.jobId, action: tap.action === 'end' ? 'end' : 'start', input: when });
      // Same for Start/End: between the tap leaving the queue and a refetch arriving, the screen would show the
      // job as it was before the tap (Start again under the worker's thumb after tapping Start).
      queryClient.setQueryData(cleaningKeys.detail(tap.jobId), job);
      return job;
    });
    queues.set(userId, queue);
  }
  return queue;
}

/** The signed-in worker's tap queue, with the screens' data refreshed whenever a tap reaches the server. */
export function useTapQueue() {
  const principal = usePrincipal();
  const queryClient = useQueryClient();
  const queue = queueFor(principal.id, queryClient);
  const state = useSyncExternalStore(queue.subscribe, queue.getState);
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
