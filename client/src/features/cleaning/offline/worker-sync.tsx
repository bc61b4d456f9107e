import { useEffect } from 'react';
import { useTapQueue } from '@/features/cleaning/offline/use-tap-queue';

/**
 * Mounted by the worker's shell on every screen: taps left queued by an earlier visit (no signal, a
 * dead battery) are sent as soon as the app is open and online again, whichever screen the worker is
 * on — not only when they go back to a cleaning screen. A phone that wakes the app from the
 * background also retries at once rather than waiting for the next timer.
 */
export default function WorkerSync() {
  const { flush } = useTapQueue();

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void flush();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [flush]);

  return null;
}
