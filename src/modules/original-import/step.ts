import type { Queryable } from '../../db/pool.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import type { ImagePipeline } from '../photos/image-pipeline.js';
import type { PhotoStorage } from '../photos/photo-storage.js';
import type { Source, SourceRow } from './source.js';

/** What happened to the rows of one source table. */
export interface EntityReport {
  read: number;
  imported: number;
  /** Rows that are the same as a record already here (a username, a phone, a service code): mapped to it. */
  matched: number;
  /** Rows an earlier run imported. */
  already: number;
  skipped: Array<{ id: number; reason: string }>;
  /** Rows imported with something adjusted (a NIF with a wrong check digit dropped, a time log closed…). */
  notes: Array<{ id: number; note: string }>;
}

export const emptyReport = (): EntityReport => ({ read: 0, imported: 0, matched: 0, already: 0, skipped: [], notes: [] });

/** Which record here each source row became (original_import_map), cached per entity. */
export interface IdMap {
  get(entity: string, originalId: number | null | undefined): number | undefined;
  set(entity: string, originalId: number, newId: number): Promise<void>;
}

export interface StepContext {
  tx: Queryable;
  source: Source;
  ids: IdMap;
  report: EntityReport;
  runId: number;
  dryRun: boolean;
  cipher: FieldCipher;
  photos: { uploadsDir: string | null; storage: PhotoStorage; pipeline: ImagePipeline };
  /** The staff account money records fall back to when the earlier system kept no author (the master). */
  fallbackStaffId: number;
  /** The VAT rate in force here, for documents that recorded none. */
  vatRateBp: number;
  /** Runs one row in a savepoint: a row the database refuses is reported as skipped and the batch goes on. */
  row(id: number, fn: () => Promise<'imported' | 'matched' | { skipped: string }>): Promise<void>;
}

export interface Step {
  /** The map's entity name and the checkpoint's key. */
  entity: string;
  /** The source table read in id order (alias `t`). */
  table: string;
  /** Tables that some versions of the earlier system lack are skipped when absent. */
  optional?: boolean;
  batchSize?: number;
  select(source: Source): string;
  /** The FROM clause when the select joins (default: `<table> t`). */
  from?(source: Source): string;
  importRows(ctx: StepContext, rows: SourceRow[]): Promise<void>;
  /** Runs once after the step's last batch, in a transaction of its own. */
  finish?(ctx: StepContext): Promise<void>;
}

/** Typed reads of a source row's columns. */
export const str = (row: SourceRow, key: string): string | null => (row[key] === null || row[key] === undefined ? null : String(row[key]));
export const num = (row: SourceRow, key: string): number | null => (row[key] === null || row[key] === undefined ? null : Number(row[key]));
export const bool = (row: SourceRow, key: string, fallback: boolean): boolean => (row[key] === null || row[key] === undefined ? fallback : Boolean(row[key]));
export const date = (row: SourceRow, key: string): Date | null => (row[key] instanceof Date ? (row[key] as Date) : null);
