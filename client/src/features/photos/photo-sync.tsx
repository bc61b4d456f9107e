import { useEffect } from 'react';
import { PendingUploads } from '@/features/photos/components/pending-uploads';
import { usePhotoQueue } from '@/features/photos/queue/use-photo-queue';

/**
 * Mounted by the worker's shell: the photo queue runs on every screen of the worker app, not only on a
 * job page, and what an earlier visit left on the phone (a reload, a dead battery, a sign-out) is sent
 * as soon as the app is open again.
 */
export default function PhotoSync() {
  const { queue, ...state } = usePhotoQueue();

  useEffect(() => {
    void queue.wake();
  }, [queue]);

  return <PendingUploads state={state} />;
}
