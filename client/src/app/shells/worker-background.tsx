import WorkerSync from '@/features/cleaning/offline/worker-sync';
import PhotoSync from '@/features/photos/photo-sync';

/**
 * What a worker's phone keeps doing on every screen: queued Start/End taps and queued photos go as soon
 * as there is a signal. One lazily loaded module for both, so a client's shell never loads them and the
 * first load's chunks are split as before (a second lazy import here grew the landing page by 0.4 kB).
 */
export default function WorkerBackground() {
  return (
    <>
      <WorkerSync />
      <PhotoSync />
    </>
  );
}
