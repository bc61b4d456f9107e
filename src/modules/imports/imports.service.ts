import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Db, Queryable } from '../../db/pool.js';
import { badRequest, conflict, notFound } from '../../lib/app-error.js';
import { lisbonDate, type Clock } from '../../lib/clock.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import type { Logger } from '../../lib/logger.js';
import type { Actor } from '../../lib/request-context.js';
import { mapPage, type PageInput } from '../../lib/paging.js';
import { IMPORT_LIMITS, type DuplicatePolicy, type ImportDto, type ImportKindValue, type ImportRowDto } from '../../contracts/imports.js';
import type { AuditService } from '../audit/audit.service.js';
import { versionConflict } from '../users/users.service.js';
import { missingFields, mappingProblems, suggestColumns } from './column-mapping.js';
import { readCsv, type CsvDelimiter, type CsvEncoding } from './csv-reader.js';
import type { ImportRecordRow, ImportsRepository, ListedRow, RowOutcome } from './imports.repository.js';
import { matchRows, type MatchedLine } from './record-matching.js';
import { applyRows } from './record-writer.js';
import { checkRow } from './row-checks.js';

/** A draft (which holds the file's cells) is kept this long for someone to look at and commit. */
export const DRAFT_TTL_HOURS = 24;
const TTL_MS = DRAFT_TTL_HOURS * 3_600_000;

export interface UploadedCsv {
  path: string;
  originalName: string | null;
  size: number;
}

export interface UploadOptions {
  kind: ImportKindValue;
  encoding?: CsvEncoding | undefined;
  delimiter?: CsvDelimiter | undefined;
}

export interface ImportsDeps {
  db: Db;
  repo: ImportsRepository;
  clock: Clock;
  logger: Logger;
  audit: AuditService;
  cipher: FieldCipher;
}

/** Values the audit log keeps for an import: its kind and counts, never a cell of the file. */
const AUDIT_VALUES = ['kind', 'rows', 'created', 'updated', 'skipped', 'invalid', 'duplicatePolicy', 'deleted'] as const;

function summarize(rows: Array<{ outcome: string }>) {
  const count = (o: string) => rows.filter((r) => r.outcome === o).length;
  return { total: rows.length, valid: count('valid'), invalid: count('invalid'), duplicate: count('duplicate') };
}

async function sha256Of(path: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(path), hash);
  return hash.digest('hex');
}

const toOutcome = (r: MatchedLine): RowOutcome => ({ line: r.line, outcome: r.outcome, errors: r.errors, duplicateOf: r.duplicateOf });

export function toImportDto(row: ImportRecordRow): ImportDto {
  const committed = row.status !== 'draft';
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    fileName: row.file_name,
    fileBytes: row.file_bytes,
    encoding: row.encoding,
    delimiter: row.delimiter,
    headers: row.headers,
    columns: row.columns,
    missingFields: missingFields(row.kind, row.columns),
    summary: { total: row.total_rows, valid: row.valid_rows, invalid: row.invalid_rows, duplicate: row.duplicate_rows },
    duplicatePolicy: row.duplicate_policy,
    result: committed ? { created: row.created_count ?? 0, updated: row.updated_count ?? 0, skipped: row.skipped_count ?? 0 } : null,
    createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    committedAt: row.committed_at?.toISOString() ?? null,
    undoneAt: row.undone_at?.toISOString() ?? null,
    expiresAt: committed ? null : new Date(row.created_at.getTime() + TTL_MS).toISOString(),
    version: row.version,
  };
}

function toRowDto(row: ListedRow): ImportRowDto {
  return {
    line: row.line,
    cells: row.cells,
    outcome: row.outcome,
    errors: row.errors,
    duplicateOf: row.duplicate_of,
    action: row.action,
    recordId: row.entity_id,
    recordLabel: row.record_label,
    clientId: row.client_id,
  };
}

export function createImportsService({ db, repo, clock, logger, audit, cipher }: ImportsDeps) {
  /** Checks every row against the mapping and the records kept now (inside the caller's transaction when it has one). */
  async function evaluate(q: Queryable, kind: ImportKindValue, rows: Array<{ line: number; cells: string[] }>, columns: Array<string | null>) {
    const today = lisbonDate(clock.now());
    const checked = rows.map((r) => ({ line: r.line, cells: r.cells, ...checkRow(kind, r.cells, columns, today) }));
    return matchRows(q, kind, checked, columns);
  }

  async function load(q: Queryable, id: number, forUpdate = false): Promise<ImportRecordRow> {
    const row = await repo.find(q, id, forUpdate);
    if (!row) throw notFound('No such import.');
    return row;
  }

  function assertDraft(row: ImportRecordRow, version: number): void {
    if (row.status === 'undone') throw conflict('IMPORT_UNDONE', 'This import was undone; upload the file again.');
    if (row.status === 'committed') throw conflict('IMPORT_COMMITTED', 'This import was committed already.');
    if (clock.now().getTime() - row.created_at.getTime() > TTL_MS) throw conflict('IMPORT_EXPIRED', `Drafts are kept ${DRAFT_TTL_HOURS} hours; upload the file again.`);
    if (row.version !== version) throw versionConflict(row.version);
  }

  async function storedCells(q: Queryable, id: number) {
    return (await repo.allRows(q, id)).map((r) => ({ line: r.line, cells: r.cells ?? [] }));
  }

  return {
    /** Reads the file, checks every row, and keeps the result as a draft: nothing is imported yet. */
    async upload(actor: Actor, file: UploadedCsv | undefined, options: UploadOptions): Promise<ImportDto> {
      if (!file) throw badRequest('NO_FILE', 'Attach the CSV file in the "file" field.');
      if (file.size === 0) throw badRequest('EMPTY_FILE', 'The file is empty.');
      const table = await readCsv(file.path, IMPORT_LIMITS, { encoding: options.encoding, delimiter: options.delimiter });
      const sha256 = await sha256Of(file.path);
      const columns = suggestColumns(options.kind, table.headers);
      const evaluated = await evaluate(db, options.kind, table.rows, columns);
      const id = await db.transaction(async (tx) => {
        await repo.deleteDraftsBefore(tx, new Date(clock.now().getTime() - TTL_MS));
        const importId = await repo.insert(tx, {
          kind: options.kind,
          fileName: file.originalName,
          sha256,
          bytes: file.size,
          encoding: table.encoding,
          delimiter: table.delimiter,
          headers: table.headers,
          columns,
          createdBy: actor.id,
          at: clock.now(),
        });
        await repo.insertRows(tx, importId, evaluated.map((r) => ({ ...toOutcome(r), cells: r.cells })));
        await repo.setSummary(tx, importId, summarize(evaluated));
        return importId;
      });
      logger.info({ event: 'imports.uploaded', importId: id, kind: options.kind, rows: evaluated.length }, `✅ Import ${id} read: ${evaluated.length} rows`);
      return toImportDto(await load(db, id));
    },

    async get(id: number): Promise<ImportDto> {
      return toImportDto(await load(db, id));
    },

    async list(page: PageInput) {
      return mapPage(await repo.list(page), toImportDto);
    },

    async rows(id: number, outcome: string | undefined, page: PageInput) {
      const row = await load(db, id);
      return mapPage(await repo.listRows(row.kind, id, outcome, page), toRowDto);
    },

    /** Staff say which column is which; every row is checked again against the new mapping. */
    async remap(id: number, input: { version: number; columns: Array<string | null> }): Promise<ImportDto> {
      await db.transaction(async (tx) => {
        const current = await load(tx, id, true);
        assertDraft(current, input.version);
        const problems = mappingProblems(current.kind, input.columns, current.headers.length);
        if (problems.length > 0) {
          throw badRequest('INVALID_MAPPING', `The mapping is not valid: ${problems.join('; ')}.`, problems.map((message) => ({ path: 'body.columns', message, code: 'custom' })));
        }
        const evaluated = await evaluate(tx, current.kind, await storedCells(tx, id), input.columns);
        await repo.setOutcomes(tx, id, evaluated.map(toOutcome));
        await repo.setSummary(tx, id, summarize(evaluated), input.columns);
      });
      return toImportDto(await load(db, id));
    },

    /**
     * Applies the draft in one transaction — all rows or none. The rows are checked again against the
     * records as they are now, so what changed since the preview is honoured. Committing an import
     * that is committed already changes nothing and answers what it did the first time.
     */
    async commit(actor: Actor, id: number, input: { version: number; duplicates: DuplicatePolicy }): Promise<ImportDto> {
      const outcome = await db
        .transaction(async (tx) => {
          const current = await load(tx, id, true);
          if (current.status === 'committed') return { already: true, counts: null };
          assertDraft(current, input.version);
          const missing = missingFields(current.kind, current.columns);
          if (missing.length > 0) throw conflict('MAPPING_INCOMPLETE', `Map a column to each required field first: ${missing.join(', ')}.`, { missingFields: missing });
          const evaluated = await evaluate(tx, current.kind, await storedCells(tx, id), current.columns);
          const actions = await applyRows(tx, current.kind, evaluated, input.duplicates, { actorId: actor.id, at: clock.now(), cipher });
          await repo.setOutcomes(tx, id, evaluated.map(toOutcome));
          await repo.setSummary(tx, id, summarize(evaluated));
          await repo.setActions(tx, id, actions);
          const counts = {
            created: actions.filter((a) => a.action === 'created').length,
            updated: actions.filter((a) => a.action === 'updated').length,
            skipped: actions.filter((a) => a.action === 'skipped').length,
          };
          await repo.markCommitted(tx, id, { policy: input.duplicates, ...counts, by: actor.id, at: clock.now() });
          await audit.record(tx, {
            action: 'import',
            entity: 'import',
            entityId: id,
            before: null,
            after: { kind: current.kind, rows: evaluated.length, ...counts, invalid: summarize(evaluated).invalid, duplicatePolicy: input.duplicates },
            valueFields: AUDIT_VALUES,
          });
          return { already: false, counts };
        })
        .catch((err: unknown) => {
          if ((err as { code?: string }).code === '23505') {
            throw conflict('IMPORT_CONFLICT', 'Some records were created by someone else meanwhile; check the file again and commit.');
          }
          throw err;
        });
      if (!outcome.already) logger.info({ event: 'imports.committed', importId: id, ...outcome.counts }, `✅ Import ${id} committed`);
      return toImportDto(await load(db, id));
    },

    /** Removes the records an import created, while nothing else uses them and nobody edited them. */
    async undo(actor: Actor, id: number): Promise<ImportDto> {
      await db
        .transaction(async (tx) => {
          const current = await load(tx, id, true);
          if (current.status !== 'committed') throw conflict('IMPORT_NOT_COMMITTED', 'Only a committed import can be undone.');
          const { expected, deleted } = await repo.deleteCreated(tx, current.kind, id);
          if (deleted !== expected) {
            throw conflict('IMPORT_CHANGED', `${expected - deleted} of the imported records were edited since; the import cannot be undone.`, { edited: expected - deleted });
          }
          await repo.markUndone(tx, id, actor.id, clock.now());
          await audit.record(tx, { action: 'undo_import', entity: 'import', entityId: id, before: null, after: { kind: current.kind, deleted }, valueFields: AUDIT_VALUES });
        })
        .catch((err: unknown) => {
          if ((err as { code?: string }).code === '23503') {
            throw conflict('IMPORT_IN_USE', 'Some imported records are already used (orders, jobs, properties, sign-in links); the import cannot be undone.');
          }
          throw err;
        });
      logger.info({ event: 'imports.undone', importId: id }, `✅ Import ${id} undone`);
      return toImportDto(await load(db, id));
    },

    async discard(id: number): Promise<void> {
      await db.transaction(async (tx) => {
        const current = await load(tx, id, true);
        if (current.status !== 'draft') throw conflict('IMPORT_COMMITTED', 'A committed import is undone, not discarded.');
        await repo.deleteDraft(tx, id);
      });
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
