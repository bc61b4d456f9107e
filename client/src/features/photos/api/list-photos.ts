import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryString, type ListPage } from '@/lib/api-client';
import { photoKeys, type JobPhoto, type PhotoListFilters } from './keys';

/** The API's largest page; a job holds at most a few hundred photos (setting maxPhotosPerJob). */
const LARGEST_PAGE = 100;

/** GET /api/cleaning-jobs/:id/photos: one page, in the room order (before n beside after n, details last). */
export function listPhotos(jobId: number, filters: PhotoListFilters & { cursor?: string } = {}): Promise<ListPage<JobPhoto>> {
  return api.list<JobPhoto>(`/api/cleaning-jobs/${jobId}/photos${queryString({ sort: 'room', ...filters })}`);
}

/** Every photo of a job (a gallery shows whole rooms), following the cursor page by page. */
export async function listAllPhotos(jobId: number): Promise<JobPhoto[]> {
  const photos: JobPhoto[] = [];
  let cursor: string | undefined;
  do {
    const page = await listPhotos(jobId, { limit: LARGEST_PAGE, ...(cursor ? { cursor } : {}) });
    photos.push(...page.items);
    cursor = page.meta.nextCursor ?? undefined;
  } while (cursor);
  return photos;
}

export function useAllPhotos(jobId: number) {
  return useQuery({ queryKey: photoKeys.gallery(jobId), queryFn: () => listAllPhotos(jobId) });
}

/** One page for the staff and worker grids, kept on screen while the next page or filter loads. */
export function usePhotoPage(jobId: number, filters: PhotoListFilters) {
  return useQuery({ queryKey: photoKeys.page(jobId, filters), queryFn: () => listPhotos(jobId, filters), placeholderData: keepPreviousData });
}
