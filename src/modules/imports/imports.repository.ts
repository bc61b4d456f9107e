import type { Queryable } from '../../db/pool.js';
import type { DuplicateOfDto, ImportKindValue, ROW_ACTIONS, RowErrorDto } from '../../contracts/imports.js';

/** What a commit did with a row. */
export type RowActionKind = (typeof ROW_ACTIONS)[number];
import { fetchPage, sqlParams, type Page, type PageInput } from '../../lib/paging.js';

export interface ImportRecordRow {
  id: number;
  kind: ImportKindValue;
  status: 'draft' | 'committed' | 'undone';
  file_name: string | null;
  file_sha256: string;
  file_bytes: number;
  encoding: 'utf-8' | 'windows-1252';
  delimiter: ';' | ',' | '\t';
  headers: string[];
  columns: Array<string | null>;
  total_rows: number;
  valid_rows: number;
  invalid_rows: number;
  duplicate_rows: number;
  duplicate_policy: 'skip' | 'update' | null;
  created_count: number | null;
  updated_count: number | null;
  skipped_count: number | null;
  created_by: number;
  created_by_name: string;
  created_at: Date;
  committed_at: Date | null;
  undone_at: Date | null;
  version: number;
}

export interface StoredRow {
  line: number;
  cells: string[] | null;
  outcome: 'valid' | 'invalid' | 'duplicate';
  errors: RowErrorDto[];
  duplicate_of: DuplicateOfDto | null;
  action: RowActionKind | null;
  entity_id: number | null;
  entity_version: number | null;
}

export interface ListedRow extends StoredRow {
  record_label: string | null;
  client_id: number | null;
}

export interface RowOutcome {
  line: number;
  outcome: StoredRow['outcome'];
  errors: RowErrorDto[];
  duplicateOf: DuplicateOfDto | null;
}

export interface RowAction {
  line: number;
  action: RowActionKind;
  entityId: number | null;
  entityVersion: number | null;
}

const COLUMNS = `i.id, i.kind, i.status, i.file_name, i.file_sha256, i.file_bytes, i.encoding, i.delimiter, i.headers, i.columns,
  i.total_rows, i.valid_rows, i.invalid_rows, i.duplicate_rows, i.duplicate_policy, i.created_count, i.updated_count, i.skipped_count,
  i.created_by, u.name AS created_by_name, i.created_at, i.committed_at, i.undone_at, i.version`;

/** The table each kind writes, and the name a row's link shows. */
export const KIND_TABLES: Record<ImportKindValue, { table: string; label: string }> = {
  clients: { table: 'clients', label: 'name' },
  properties: { table: 'properties', label: 'name' },
  services: { table: 'laundry_services', label: 'name' },
};

const BATCH = 1000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

export function createImportsRepository(db: Queryable) {
  return {
    async insert(
      tx: Queryable,
      f: { kind: ImportKindValue; fileName: string | null; sha256: string; bytes: number; encoding: string; delimiter: string; headers: string[]; columns: Array<string | null>; createdBy: number; at: Date },
    ): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO imports (kind, file_name, file_sha256, file_bytes, encoding, delimiter, headers, columns, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [f.kind, f.fileName, f.sha256, f.bytes, f.encoding, f.delimiter, f.headers, f.columns, f.createdBy, f.at],
      );
      return rows[0]!.id;
    },

    /** Rows in batches of a thousand: one statement each, whatever the file's size. */
    async insertRows(tx: Queryable, importId: number, rows: Array<{ line: number; cells: string[] } & RowOutcome>): Promise<void> {
      for (const batch of chunks(rows)) {
        await tx.query(
          `INSERT INTO import_rows (import_id, line, cells, outcome, errors, duplicate_of)
           SELECT $1, r.line, ARRAY(SELECT jsonb_array_elements_text(r.cells)), r.outcome, r.errors, r.duplicate_of
             FROM jsonb_to_recordset($2::jsonb) AS r (line int, cells jsonb, outcome text, errors jsonb, duplicate_of jsonb)`,
          [importId, JSON.stringify(batch.map((r) => ({ line: r.line, cells: r.cells, outcome: r.outcome, errors: r.errors, duplicate_of: r.duplicateOf })))],
        );
      }
    },

    async setOutcomes(tx: Queryable, importId: number, rows: RowOutcome[]): Promise<void> {
      for (const batch of chunks(rows)) {
        await tx.query(
          `UPDATE import_rows AS t SET outcome = r.outcome, errors = r.errors, duplicate_of = r.duplicate_of
             FROM jsonb_to_recordset($2::jsonb) AS r (line int, outcome text, errors jsonb, duplicate_of jsonb)
            WHERE t.import_id = $1 AND t.line = r.line`,
          [importId, JSON.stringify(batch.map((r) => ({ line: r.line, outcome: r.outcome, errors: r.errors, duplicate_of: r.duplicateOf })))],
        );
      }
    },

    /** What the commit did per row; the cells go (the records hold the data now). */
    async setActions(tx: Queryable, importId: number, rows: RowAction[]): Promise<void> {
      for (const batch of chunks(rows)) {
        await tx.query(
          `UPDATE import_rows AS t SET action = r.action, entity_id = r.entity_id, entity_version = r.entity_version, cells = NULL
             FROM jsonb_to_recordset($2::jsonb) AS r (line int, action text, entity_id bigint, entity_version int)
            WHERE t.import_id = $1 AND t.line = r.line`,
          [importId, JSON.stringify(batch.map((r) => ({ line: r.line, action: r.action, entity_id: r.entityId, entity_version: r.entityVersion })))],
        );
      }
      await tx.query(`UPDATE import_rows SET cells = NULL WHERE import_id = $1`, [importId]);
    },

    async setSummary(tx: Queryable, id: number, s: { total: number; valid: number; invalid: number; duplicate: number }, columns?: Array<string | null>): Promise<void> {
      await tx.query(
        `UPDATE imports SET total_rows = $2, valid_rows = $3, invalid_rows = $4, duplicate_rows = $5,
                columns = COALESCE($6, columns), version = version + 1 WHERE id = $1`,
        [id, s.total, s.valid, s.invalid, s.duplicate, columns ?? null],
      );
    },

    async markCommitted(tx: Queryable, id: number, f: { policy: string; created: number; updated: number; skipped: number; by: number; at: Date }): Promise<void> {
      await tx.query(
        `UPDATE imports SET status = 'committed', duplicate_policy = $2, created_count = $3, updated_count = $4, skipped_count = $5,
                committed_by = $6, committed_at = $7, version = version + 1 WHERE id = $1`,
        [id, f.policy, f.created, f.updated, f.skipped, f.by, f.at],
      );
    },

    async markUndone(tx: Queryable, id: number, by: number, at: Date): Promise<void> {
      await tx.query(`UPDATE imports SET status = 'undone', undone_by = $2, undone_at = $3, version = version + 1 WHERE id = $1`, [id, by, at]);
    },

    async find(q: Queryable, id: number, forUpdate = false): Promise<ImportRecordRow | undefined> {
      const { rows } = await q.query<ImportRecordRow>(
        `SELECT ${COLUMNS} FROM imports i JOIN users u ON u.id = i.created_by WHERE i.id = $1${forUpdate ? ' FOR UPDATE OF i' : ''}`,
        [id],
      );
      return rows[0];
    },

    async list(page: PageInput): Promise<Page<ImportRecordRow>> {
      return fetchPage<ImportRecordRow, 'createdAt'>(
        db,
        { columns: COLUMNS, from: 'imports i JOIN users u ON u.id = i.created_by', where: [], params: sqlParams(), sorts: { createdAt: { sql: 'i.created_at', type: 'timestamp' } }, id: 'i.id' },
        page,
      );
    },

    async allRows(q: Queryable, importId: number): Promise<StoredRow[]> {
      const { rows } = await q.query<StoredRow>(
        `SELECT line, cells, outcome, errors, duplicate_of, action, entity_id, entity_version FROM import_rows WHERE import_id = $1 ORDER BY line`,
        [importId],
      );
      return rows;
    },

    async listRows(kind: ImportKindValue, importId: number, outcome: string | undefined, page: PageInput): Promise<Page<ListedRow>> {
      const p = sqlParams([importId]);
      const where = ['r.import_id = $1'];
      if (outcome) where.push(`r.outcome = ${p.add(outcome)}`);
      const { table, label } = KIND_TABLES[kind];
      const clientId = kind === 'properties' ? 'e.client_id' : kind === 'clients' ? 'e.id' : 'NULL::bigint';
      return fetchPage<ListedRow, 'line'>(
        db,
        {
          columns: `r.line, r.cells, r.outcome, r.errors, r.duplicate_of, r.action, r.entity_id, r.entity_version, e.${label} AS record_label, ${clientId} AS client_id`,
          from: `import_rows r LEFT JOIN ${table} e ON e.id = r.entity_id`,
          countFrom: 'import_rows r',
          where,
          params: p,
          sorts: { line: { sql: 'r.line', type: 'number' } },
          id: 'r.line',
        },
        page,
      );
    },

    async deleteDraft(tx: Queryable, id: number): Promise<void> {
      await tx.query(`DELETE FROM imports WHERE id = $1 AND status = 'draft'`, [id]);
    },

    /** Drafts nobody committed are not kept: they hold the file's cells. */
    async deleteDraftsBefore(q: Queryable, before: Date): Promise<number> {
      const { rowCount } = await q.query(`DELETE FROM imports WHERE status = 'draft' AND created_at < $1`, [before]);
      return rowCount ?? 0;
    },

    /**
     * Deletes the records an import created, provided each still has the version the commit left: a
     * record edited since is kept (the count tells). A record something else references raises the
     * foreign-key violation the service turns into IMPORT_IN_USE.
     */
    async deleteCreated(tx: Queryable, kind: ImportKindValue, importId: number): Promise<{ expected: number; deleted: number }> {
      const { table } = KIND_TABLES[kind];
      const { rows } = await tx.query<{ expected: number; deleted: number }>(
        `WITH created AS (SELECT entity_id, entity_version FROM import_rows WHERE import_id = $1 AND action = 'created'),
              gone AS (DELETE FROM ${table} t USING created c WHERE t.id = c.entity_id AND t.version = c.entity_version RETURNING t.id)
         SELECT (SELECT count(*) FROM created)::int AS expected, (SELECT count(*) FROM gone)::int AS deleted`,
        [importId],
      );
      return rows[0]!;
    },
  };
}

export type ImportsRepository = ReturnType<typeof createImportsRepository>;
