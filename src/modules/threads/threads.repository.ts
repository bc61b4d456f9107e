import type { Queryable } from '../../db/pool.js';
import { fetchPage, sqlParams, type Page, type PageInput, type SortColumn, type SqlParams } from '../../lib/paging.js';
import type { ThreadSubjectValue } from '../../contracts/threads.js';

/** Who reads: a user (staff or worker) or a client, as the read marks and authors store them. */
export interface Reader {
  type: 'user' | 'client';
  id: number;
}

/** What a thread is about, as far as access and notifications need it. */
export interface SubjectRow {
  client_id: number;
  reference: string;
  /** Cleaning jobs: scheduled or in progress (its workers take part only then). */
  open: boolean;
  worker_ids: number[];
}

export interface ThreadRow {
  id: number;
  subject: ThreadSubjectValue;
  subject_id: number;
  client_id: number;
  client_name: string;
  assignee_id: number | null;
  assignee_name: string | null;
  reference: string;
  last_read_message_id: number | null;
  unread_count: number;
  last_message_id: number | null;
  last_message_at: Date | null;
  last_body: string | null;
  last_author_name: string | null;
}

export interface MessageRow {
  id: number;
  body: string;
  created_at: Date;
  author_user_id: number | null;
  author_client_id: number | null;
  author_name: string;
  author_role: 'master' | 'admin' | 'worker' | null;
}

/** A job is open (its workers take part in its thread) while scheduled or in progress. */
const OPEN_JOB = `j.status IN ('scheduled', 'in_progress')`;

/** Messages of thread `t` by someone other than the reader, after the reader's mark `r`. */
function unreadSql(reader: Reader, p: SqlParams): string {
  const notMine = reader.type === 'user' ? `m.author_user_id IS DISTINCT FROM ${p.add(reader.id)}` : `m.author_client_id IS DISTINCT FROM ${p.add(reader.id)}`;
  return `(SELECT count(*)::int FROM thread_messages m WHERE m.thread_id = t.id AND m.id > COALESCE(r.last_read_message_id, 0) AND ${notMine})`;
}

/**
 * The threads a reader may see: staff all, a client their own, a worker those of the cleaning jobs they
 * are on while the job is open.
 */
export type Scope = { kind: 'staff' } | { kind: 'client'; clientId: number } | { kind: 'worker'; userId: number };

function scopeSql(scope: Scope, p: SqlParams): string | null {
  if (scope.kind === 'staff') return null;
  if (scope.kind === 'client') return `t.client_id = ${p.add(scope.clientId)}`;
  return `t.subject = 'cleaning_job' AND EXISTS (SELECT 1 FROM cleaning_job_workers w JOIN cleaning_jobs j ON j.id = w.job_id
    WHERE w.job_id = t.subject_id AND w.worker_id = ${p.add(scope.userId)} AND ${OPEN_JOB})`;
}

function threadQuery(reader: Reader, p: SqlParams) {
  const readerType = p.add(reader.type);
  const readerId = p.add(reader.id);
  const unread = unreadSql(reader, p);
  return {
    columns: `t.id, t.subject, t.subject_id, t.client_id, c.name AS client_name, t.assignee_id, a.name AS assignee_name,
      COALESCE(lo.order_number, to_char(cj.scheduled_date, 'YYYY-MM-DD'), t.subject_id::text) AS reference,
      r.last_read_message_id, ${unread} AS unread_count, t.last_message_id, t.last_message_at,
      lm.body AS last_body, COALESCE(lu.name, lc.name) AS last_author_name`,
    from: `threads t JOIN clients c ON c.id = t.client_id LEFT JOIN users a ON a.id = t.assignee_id
      LEFT JOIN thread_reads r ON r.thread_id = t.id AND r.reader_type = ${readerType} AND r.reader_id = ${readerId}
      LEFT JOIN laundry_orders lo ON t.subject = 'laundry_order' AND lo.id = t.subject_id
      LEFT JOIN cleaning_jobs cj ON t.subject = 'cleaning_job' AND cj.id = t.subject_id
      LEFT JOIN thread_messages lm ON lm.id = t.last_message_id
      LEFT JOIN users lu ON lu.id = lm.author_user_id LEFT JOIN clients lc ON lc.id = lm.author_client_id`,
    unread,
  };
}

export function createThreadsRepository(db: Queryable) {
  return {
    /** The subject of a thread, or undefined when there is none (requests arrive with their own module). */
    async subject(q: Queryable, subject: ThreadSubjectValue, id: number): Promise<SubjectRow | undefined> {
      if (subject === 'laundry_order') {
        const { rows } = await q.query<SubjectRow>(
          `SELECT client_id, order_number AS reference, true AS open, '{}'::int[] AS worker_ids FROM laundry_orders WHERE id = $1`,
          [id],
        );
        return rows[0];
      }
      if (subject === 'cleaning_job') {
        const { rows } = await q.query<SubjectRow>(
          `SELECT j.client_id, to_char(j.scheduled_date, 'YYYY-MM-DD') AS reference, ${OPEN_JOB} AS open,
             ARRAY(SELECT w.worker_id::int FROM cleaning_job_workers w WHERE w.job_id = j.id ORDER BY w.worker_id) AS worker_ids
           FROM cleaning_jobs j WHERE j.id = $1`,
          [id],
        );
        return rows[0];
      }
      return undefined;
    },

    async threadId(q: Queryable, subject: ThreadSubjectValue, subjectId: number): Promise<number | undefined> {
      const { rows } = await q.query<{ id: number }>(`SELECT id FROM threads WHERE subject = $1 AND subject_id = $2`, [subject, subjectId]);
      return rows[0]?.id;
    },

    /** The subject's thread, made on first use; locked, so posts to one thread queue behind each other. */
    async lockOrCreate(tx: Queryable, subject: ThreadSubjectValue, subjectId: number, clientId: number, at: Date): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO threads (subject, subject_id, client_id, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (subject, subject_id) DO UPDATE SET client_id = EXCLUDED.client_id RETURNING id`,
        [subject, subjectId, clientId, at],
      );
      return rows[0]!.id;
    },

    async find(q: Queryable, threadId: number, reader: Reader): Promise<ThreadRow | undefined> {
      const p = sqlParams();
      const t = threadQuery(reader, p);
      const { rows } = await q.query<ThreadRow>(`SELECT ${t.columns} FROM ${t.from} WHERE t.id = ${p.add(threadId)}`, p.values);
      return rows[0];
    },

    /** The reader's threads with messages, those with unread messages first, then the most recent. */
    async list(reader: Reader, scope: Scope, unreadOnly: boolean, page: PageInput, assigneeId?: number): Promise<Page<ThreadRow>> {
      const p = sqlParams();
      const t = threadQuery(reader, p);
      const where = ['t.last_message_id IS NOT NULL'];
      const scoped = scopeSql(scope, p);
      if (scoped) where.push(scoped);
      if (unreadOnly) where.push(`${t.unread} > 0`);
      if (assigneeId !== undefined) where.push(`t.assignee_id = ${p.add(assigneeId)}`);
      // Unread first, then by the last message: one sortable number (a flag above the time in milliseconds).
      const sorts = {
        activity: {
          sql: `((CASE WHEN ${t.unread} > 0 THEN 1 ELSE 0 END)::numeric * 100000000000000 + floor(extract(epoch FROM t.last_message_at) * 1000))`,
          type: 'number',
        },
      } satisfies Record<string, SortColumn>;
      return fetchPage<ThreadRow, 'activity'>(db, { columns: t.columns, from: t.from, where, params: p, sorts, id: 't.id' }, page);
    },

    /** Unread messages and threads with any, across the reader's threads. */
    async unread(q: Queryable, reader: Reader, scope: Scope): Promise<{ count: number; threads: number }> {
      const p = sqlParams();
      const readerType = p.add(reader.type);
      const readerId = p.add(reader.id);
      const unread = unreadSql(reader, p);
      const scoped = scopeSql(scope, p);
      const { rows } = await q.query<{ count: number; threads: number }>(
        `SELECT COALESCE(sum(n), 0)::int AS count, count(*) FILTER (WHERE n > 0)::int AS threads FROM (
           SELECT ${unread} AS n FROM threads t
           LEFT JOIN thread_reads r ON r.thread_id = t.id AND r.reader_type = ${readerType} AND r.reader_id = ${readerId}
           WHERE t.last_message_id IS NOT NULL ${scoped ? `AND ${scoped}` : ''}) x`,
        p.values,
      );
      return rows[0] ?? { count: 0, threads: 0 };
    },

    /** A page of a thread's messages, newest first (`sort=id` for oldest first). */
    async messages(threadId: number, page: PageInput): Promise<Page<MessageRow>> {
      const p = sqlParams();
      const sorts = { id: { sql: 'm.id', type: 'number' } } satisfies Record<string, SortColumn>;
      return fetchPage<MessageRow, 'id'>(
        db,
        {
          columns: `m.id, m.body, m.created_at, m.author_user_id, m.author_client_id, COALESCE(u.name, c.name) AS author_name, u.role AS author_role`,
          from: `thread_messages m LEFT JOIN users u ON u.id = m.author_user_id LEFT JOIN clients c ON c.id = m.author_client_id`,
          where: [`m.thread_id = ${p.add(threadId)}`],
          params: p,
          sorts,
          id: 'm.id',
        },
        page,
      );
    },

    async message(q: Queryable, id: number): Promise<MessageRow> {
      const { rows } = await q.query<MessageRow>(
        `SELECT m.id, m.body, m.created_at, m.author_user_id, m.author_client_id, COALESCE(u.name, c.name) AS author_name, u.role AS author_role
         FROM thread_messages m LEFT JOIN users u ON u.id = m.author_user_id LEFT JOIN clients c ON c.id = m.author_client_id WHERE m.id = $1`,
        [id],
      );
      return rows[0]!;
    },

    /** Messages an author sent since `since`, counted under a per-author lock so two posts cannot both pass. */
    async sentSince(tx: Queryable, author: Reader, since: Date): Promise<number> {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('thread-messages:' || $1 || ':' || $2::text))`, [author.type, author.id]);
      const column = author.type === 'user' ? 'author_user_id' : 'author_client_id';
      const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM thread_messages WHERE ${column} = $1 AND created_at > $2`, [author.id, since]);
      return rows[0]?.n ?? 0;
    },

    async insertMessage(tx: Queryable, threadId: number, author: Reader, body: string, at: Date): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO thread_messages (thread_id, author_user_id, author_client_id, body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [threadId, author.type === 'user' ? author.id : null, author.type === 'client' ? author.id : null, body, at],
      );
      const id = rows[0]!.id;
      await tx.query(`UPDATE threads SET last_message_id = $2, last_message_at = $3 WHERE id = $1`, [threadId, id, at]);
      return id;
    },

    /** Moves the reader's mark forward to `upTo` (never back, never past the thread's last message). */
    async markRead(q: Queryable, threadId: number, reader: Reader, upTo: number): Promise<void> {
      await q.query(
        `INSERT INTO thread_reads (thread_id, reader_type, reader_id, last_read_message_id)
         SELECT t.id, $2, $3, LEAST($4::bigint, t.last_message_id) FROM threads t WHERE t.id = $1 AND t.last_message_id IS NOT NULL
         ON CONFLICT (thread_id, reader_type, reader_id)
         DO UPDATE SET last_read_message_id = GREATEST(thread_reads.last_read_message_id, EXCLUDED.last_read_message_id)`,
        [threadId, reader.type, reader.id, upTo],
      );
    },

    async setAssignee(tx: Queryable, threadId: number, assigneeId: number | null): Promise<number | null> {
      const { rows } = await tx.query<{ before: number | null }>(
        `UPDATE threads t SET assignee_id = $2 FROM threads old WHERE t.id = $1 AND old.id = t.id RETURNING old.assignee_id AS before`,
        [threadId, assigneeId],
      );
      return rows[0]?.before ?? null;
    },

    /** The conversation a message belongs to (who may read a message's photos). */
    async subjectOfMessage(q: Queryable, messageId: number): Promise<{ subject: ThreadSubjectValue; subject_id: number } | undefined> {
      const { rows } = await q.query<{ subject: ThreadSubjectValue; subject_id: number }>(
        `SELECT t.subject, t.subject_id FROM thread_messages m JOIN threads t ON t.id = m.thread_id WHERE m.id = $1`,
        [messageId],
      );
      return rows[0];
    },

    /** Who a conversation may be put in charge of: the active masters and admins, by name. */
    async staffPeople(q: Queryable): Promise<Array<{ id: number; name: string; role: 'master' | 'admin' }>> {
      const { rows } = await q.query<{ id: number; name: string; role: 'master' | 'admin' }>(
        `SELECT id, name, role FROM users WHERE role IN ('master', 'admin') AND is_active ORDER BY name, id`,
      );
      return rows;
    },

    async userName(q: Queryable, id: number): Promise<string> {
      const { rows } = await q.query<{ name: string }>(`SELECT name FROM users WHERE id = $1`, [id]);
      return rows[0]?.name ?? '';
    },

    async activeStaff(q: Queryable, id: number): Promise<boolean> {
      const { rowCount } = await q.query(`SELECT 1 FROM users WHERE id = $1 AND role IN ('master', 'admin') AND is_active`, [id]);
      return (rowCount ?? 0) > 0;
    },

    /** Who hears of a client's message when the thread has no assignee: every active master and admin. */
    async staffIds(q: Queryable): Promise<number[]> {
      const { rows } = await q.query<{ id: number }>(`SELECT id FROM users WHERE role IN ('master', 'admin') AND is_active ORDER BY id`);
      return rows.map((r) => r.id);
    },

    async activeUserIds(q: Queryable, ids: number[]): Promise<number[]> {
      if (!ids.length) return [];
      const { rows } = await q.query<{ id: number }>(`SELECT id FROM users WHERE id = ANY($1::bigint[]) AND is_active ORDER BY id`, [ids]);
      return rows.map((r) => r.id);
    },

    // --- GDPR ---------------------------------------------------------------------------------------
    async forClient(q: Queryable, clientId: number) {
      const { rows } = await q.query<{ subject: string; subject_id: number; id: number; body: string; created_at: Date; by_client: boolean; author_name: string; photo_ids: number[] }>(
        `SELECT t.subject, t.subject_id, m.id, m.body, m.created_at, m.author_client_id IS NOT NULL AS by_client, COALESCE(u.name, c.name) AS author_name,
           ARRAY(SELECT ap.id::int FROM attached_photos ap WHERE ap.message_id = m.id ORDER BY ap.id) AS photo_ids
         FROM threads t JOIN thread_messages m ON m.thread_id = t.id
         LEFT JOIN users u ON u.id = m.author_user_id LEFT JOIN clients c ON c.id = m.author_client_id
         WHERE t.client_id = $1 ORDER BY t.id, m.id`,
        [clientId],
      );
      return rows;
    },

    /** The client's threads go whole: their messages are about the client, whoever wrote them. */
    async deleteForClient(tx: Queryable, clientId: number): Promise<number> {
      const { rowCount } = await tx.query(`DELETE FROM threads WHERE client_id = $1`, [clientId]);
      return rowCount ?? 0;
    },
  };
}

export type ThreadsRepository = ReturnType<typeof createThreadsRepository>;
