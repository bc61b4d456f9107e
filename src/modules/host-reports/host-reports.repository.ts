import type { Queryable } from '../../db/pool.js';

export interface IssueRow {
  id: number;
  description: string;
  created_at: Date;
  raised_by_name: string;
  photo_id: number | null;
}

export interface LinkRow {
  id: number;
  job_id: number;
  client_id: number;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  last_opened_at: Date | null;
}

const LINK_COLUMNS = `l.id, l.job_id, j.client_id, l.created_at, l.expires_at, l.revoked_at, l.last_opened_at`;

/** What the host report keeps of its own: the problems noted on a job (tickets linked to it) and the links that share it. */
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

    async insertLink(q: Queryable, n: { jobId: number; tokenSha256: string; byUser: number | null; byClient: number | null; at: Date; expiresAt: Date }): Promise<number> {
      const { rows } = await q.query<{ id: number }>(
        `INSERT INTO cleaning_job_report_links (job_id, token_sha256, created_by_user, created_by_client, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [n.jobId, n.tokenSha256, n.byUser, n.byClient, n.at, n.expiresAt],
      );
      return rows[0]!.id;
    },

    async links(q: Queryable, jobId: number): Promise<LinkRow[]> {
      const { rows } = await q.query<LinkRow>(
        `SELECT ${LINK_COLUMNS} FROM cleaning_job_report_links l JOIN cleaning_jobs j ON j.id = l.job_id WHERE l.job_id = $1 ORDER BY l.created_at DESC, l.id DESC`,
        [jobId],
      );
      return rows;
    },

    async link(q: Queryable, id: number, forUpdate = false): Promise<LinkRow | undefined> {
      const { rows } = await q.query<LinkRow>(
        `SELECT ${LINK_COLUMNS} FROM cleaning_job_report_links l JOIN cleaning_jobs j ON j.id = l.job_id WHERE l.id = $1 ${forUpdate ? 'FOR UPDATE OF l' : ''}`,
        [id],
      );
      return rows[0];
    },

    /** The live link of this token's hash: not revoked, not expired, its job still completed. */
    async liveLink(q: Queryable, tokenSha256: string, at: Date): Promise<LinkRow | undefined> {
      const { rows } = await q.query<LinkRow>(
        `SELECT ${LINK_COLUMNS} FROM cleaning_job_report_links l JOIN cleaning_jobs j ON j.id = l.job_id
          WHERE l.token_sha256 = $1 AND l.revoked_at IS NULL AND l.expires_at > $2 AND j.status = 'completed'`,
        [tokenSha256, at],
      );
      return rows[0];
    },

    /** Every link to a report of this client's jobs (the GDPR export: never the token, only its facts). */
    async linksOfClient(q: Queryable, clientId: number): Promise<LinkRow[]> {
      const { rows } = await q.query<LinkRow>(
        `SELECT ${LINK_COLUMNS} FROM cleaning_job_report_links l JOIN cleaning_jobs j ON j.id = l.job_id WHERE j.client_id = $1 ORDER BY l.created_at, l.id`,
        [clientId],
      );
      return rows;
    },

    /** Switches off every live link to a report of this client's jobs (anonymisation). */
    async revokeLinksOfClient(q: Queryable, clientId: number, at: Date): Promise<void> {
      await q.query(
        `UPDATE cleaning_job_report_links l SET revoked_at = $2 FROM cleaning_jobs j WHERE j.id = l.job_id AND j.client_id = $1 AND l.revoked_at IS NULL`,
        [clientId, at],
      );
    },

    async revokeLink(q: Queryable, id: number, at: Date): Promise<void> {
      await q.query(`UPDATE cleaning_job_report_links SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [id, at]);
    },

    async markOpened(q: Queryable, id: number, at: Date): Promise<void> {
      await q.query(`UPDATE cleaning_job_report_links SET last_opened_at = $2 WHERE id = $1`, [id, at]);
    },
  };
}

export type HostReportsRepository = ReturnType<typeof createHostReportsRepository>;
