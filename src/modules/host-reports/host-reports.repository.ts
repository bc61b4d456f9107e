import type { Queryable } from '../../db/pool.js';

export interface IssueRow {
  id: number;
  description: string;
  created_at: Date;
  raised_by_name: string;
  photo_id: number | null;
}

/** What the host report reads of its own: the problems noted on a job (tickets linked to it). */
export function createHostReportsRepository() {
  return {
    async issues(q: Queryable, jobId: number): Promise<IssueRow[]> {
      const { rows } = await q.query<IssueRow>(
        `SELECT t.id, t.description, t.created_at, u.name AS raised_by_name, t.photo_id
           FROM tickets t JOIN users u ON u.id = t.created_by
          WHERE t.cleaning_job_id = $1 ORDER BY t.created_at, t.id`,
        [jobId],
      );
      return rows;
    },

    /** A "detail" photo of this job: the only kind a noted problem may carry. */
    async detailPhotoOfJob(q: Queryable, photoId: number, jobId: number): Promise<boolean> {
      const { rowCount } = await q.query(`SELECT 1 FROM cleaning_job_photos WHERE id = $1 AND job_id = $2 AND photo_type = 'detail'`, [photoId, jobId]);
      return (rowCount ?? 0) > 0;
    },
  };
}

export type HostReportsRepository = ReturnType<typeof createHostReportsRepository>;
