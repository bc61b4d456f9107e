import { useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-error';
import { sessionQueryKey, usePrincipal, type Principal } from '@/features/auth/api/get-session';
import { cleaningKeys } from '@/features/cleaning/api/keys';
import { uploadPhoto } from '@/features/photos/api/upload-photo';
import { photoKeys } from '@/features/photos/api/keys';
import { createPhotoStore, photoOwnerOf as ownerOf, type PhotoStore } from './photo-store';
import { createUploadQueue, type UploadQueue } from './upload-queue';

let store: PhotoStore | undefined;
let active: { owner: string; queue: UploadQueue } | undefined;

/**
 * The signed-in person's queue; one at a time on a device. Signing in as someone else stops the
 * previous person's queue here, and every send first checks that the session is still its owner's,
 * so photos never go up under another account (they wait for their owner's next sign-in).
 */
function queueFor(owner: string, queryClient: QueryClient): UploadQueue {
  if (active?.owner === owner) return active.queue;
  active?.queue.dispose();
  store ??= createPhotoStore();
  const queue = createUploadQueue({
    owner,
    store,
    send: (item, body, hooks) => {
      const session = queryClient.getQueryData<Principal | null>(sessionQueryKey);
      if (!session || ownerOf(session) !== owner) return Promise.reject(new ApiError(401, 'UNAUTHENTICATED', 'Not signed in as the owner of this photo.', 'local'));
      return uploadPhoto(
        { jobId: item.jobId, uploadKey: item.id, photoType: item.photoType, roomArea: item.roomArea, caption: item.caption, fileName: item.fileName, file: body },
        hooks,
      );
    },
    onUploaded: (jobId) => {
      void queryClient.invalidateQueries({ queryKey: photoKeys.job(jobId) });
      void queryClient.invalidateQueries({ queryKey: cleaningKeys.detail(jobId) });
    },
  });
  active = { owner, queue };
  return queue;
}

/** The signed-in worker's upload queue and its live state. */
export function usePhotoQueue() {
  const principal = usePrincipal();
  const queryClient = useQueryClient();
  const queue = queueFor(ownerOf(principal), queryClient);
  const state = useSyncExternalStore(queue.subscribe, queue.getState);
  return { ...state, queue };
}
