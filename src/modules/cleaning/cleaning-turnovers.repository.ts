import type { Queryable } from '../../db/pool.js';

/** The turnover-only columns of a cleaning job (the rest of the job's SQL is in cleaning-jobs.repository.ts). */
export const turnoversRepository = {
  async setBackToBack(tx: Queryable, jobId: number, deadline: Date | null, at: Date): Promise<void> {
    await tx.query(
      `UPDATE cleaning_jobs SET back_to_back = $2, deadline_at = $3, updated_at = $4, version = version + 1
        WHERE id = $1 AND (back_to_back IS DISTINCT FROM $2 OR deadline_at IS DISTINCT FROM $3)`,
      [jobId, deadline !== null, deadline, at],
    );
  },
};
