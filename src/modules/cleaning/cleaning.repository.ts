import type { Queryable } from '../../db/pool.js';
import { createCleaningJobsRepository } from './cleaning-jobs.repository.js';
import { cleaningSeriesRepository } from './cleaning-series.repository.js';
import { cleaningTimeLogsRepository } from './cleaning-time-logs.repository.js';

/** The cleaning module's SQL, one repository per use case behind the one object the services receive. */
export function createCleaningRepository(db: Queryable) {
  return { ...createCleaningJobsRepository(db), ...cleaningTimeLogsRepository, ...cleaningSeriesRepository };
}

export type CleaningRepository = ReturnType<typeof createCleaningRepository>;
