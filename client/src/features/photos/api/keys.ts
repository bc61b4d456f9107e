import type { JobPhotoDto, PhotoSummaryDto, PhotoTypeValue } from '@contracts/photos';

/** Every photo query key starts here; one job's lists and summary share `job(id)` for refreshing. */
export const photoKeys = {
  all: ['photos'] as const,
  job: (jobId: number) => [...photoKeys.all, 'job', jobId] as const,
  gallery: (jobId: number) => [...photoKeys.job(jobId), 'all'] as const,
  page: (jobId: number, filters: PhotoListFilters) => [...photoKeys.job(jobId), 'page', filters] as const,
  summary: (jobId: number) => [...photoKeys.job(jobId), 'summary'] as const,
};

export interface PhotoListFilters {
  photoType?: PhotoTypeValue;
  roomArea?: string;
  offset?: number;
  limit?: number;
}

export type JobPhoto = JobPhotoDto;
export type PhotoSummary = PhotoSummaryDto;
