import type { CleaningJobClientDto, CleaningJobDto, CleaningJobWorkerDto } from '@contracts/cleaning';

/** Every cleaning query key starts here, so one invalidation refreshes lists, days and details. */
export const cleaningKeys = {
  all: ['cleaning'] as const,
  lists: () => [...cleaningKeys.all, 'list'] as const,
  list: (filters: object) => [...cleaningKeys.lists(), filters] as const,
  today: () => [...cleaningKeys.all, 'today'] as const,
  detail: (id: number) => [...cleaningKeys.all, 'detail', id] as const,
};

/** The same job as each audience receives it (PRODUCT §5). */
export type StaffJob = CleaningJobDto;
export type WorkerJob = CleaningJobWorkerDto;
export type ClientJob = CleaningJobClientDto;
export type AnyJob = StaffJob | WorkerJob | ClientJob;
