import type { RequestHandler } from 'express';
import { z } from 'zod';
import {
  CommitImportBody,
  IMPORT_LIMITS,
  Import,
  ImportKind,
  ImportRow,
  ImportUploadForm,
  ROW_OUTCOMES,
  UpdateImportMappingBody,
} from '../../contracts/imports.js';
import { route, RESPONDED, type Routes } from '../../http/endpoint.js';
import { displayFileName, multipartUpload } from '../../http/middleware/upload.js';
import { AppError } from '../../lib/app-error.js';
import { IdParams, pagingQuery } from '../../lib/paging.js';
import type { CsvDelimiter } from './csv-reader.js';
import { importTemplate } from './import-templates.js';
import type { ImportsService } from './imports.service.js';

const TAGS = ['Imports'];
const STAFF = ['master', 'admin'] as const;
const DELIMITERS: Record<'semicolon' | 'comma' | 'tab', CsvDelimiter> = { semicolon: ';', comma: ',', tab: '\t' };

const FILE_ERRORS =
  'NO_FILE, EMPTY_FILE, NO_HEADER, NO_DATA_ROWS (a header and no rows), TOO_MANY_ROWS (over 20 000), TOO_MANY_COLUMNS (over 50), ' +
  'UNSUPPORTED_ENCODING (not UTF-8 nor Windows-1252, or UTF-16), NUL_CHARACTER, BINARY_CONTENT, NOT_CSV (a workbook), ' +
  'MALFORMED_CSV (details: line), FORMULA_CELL (cells starting with =, +, -, @; details: cells), ONE_FILE_ONLY, MALFORMED_MULTIPART, VALIDATION_FAILED';

const RowsQuery = pagingQuery(['line'], 'line').extend({
  outcome: z.enum(ROW_OUTCOMES).optional().meta({ description: 'Only the valid, invalid or duplicate rows.' }),
});
const TemplateParams = z.object({ kind: ImportKind });
const TemplateQuery = z.object({ locale: z.enum(['pt', 'en']).default('pt') });

export function importsRoutes(routes: Routes, { imports, uploadTmpDir }: { imports: ImportsService; uploadTmpDir: string }) {
  const upload = multipartUpload({
    field: 'file',
    tmpRoot: uploadTmpDir,
    limits: { files: 1, fileSize: IMPORT_LIMITS.maxBytes, fields: 4, fieldSize: 1024 },
  });
  // The shared upload parser speaks of photos; a CSV upload gets its own words for the same limits.
  const csvUpload: RequestHandler = (req, res, next) =>
    upload(req, res, (err?: unknown) => {
      if (err instanceof AppError && err.code === 'FILE_TOO_LARGE') {
        return next(new AppError(413, 'FILE_TOO_LARGE', 'The file may be at most 10 MB; split it into smaller files.', { maxBytes: IMPORT_LIMITS.maxBytes }));
      }
      if (err instanceof AppError && err.code === 'BATCH_LIMIT_EXCEEDED') return next(new AppError(400, 'ONE_FILE_ONLY', 'Upload one file at a time.'));
      if (err instanceof AppError && err.code === 'UNEXPECTED_FILE_FIELD') return next(new AppError(400, 'UNEXPECTED_FILE_FIELD', 'The file goes in the "file" field.'));
      next(err as Error | undefined);
    });

  route(
    routes,
    {
      method: 'post',
      path: '/api/imports',
      summary: 'Upload a CSV of clients, properties or services: a dry run, nothing is imported yet',
      description:
        'Multipart: `file` (one CSV, at most 10 MB and 20 000 rows) and `kind`. The separator (`;`, `,` or tab) and the encoding ' +
        '(UTF-8 with or without BOM, else Windows-1252) are detected unless given. Columns are matched to fields by their Portuguese or ' +
        'English headers; `missingFields` lists required fields no column fills (map them with PUT …/mapping). Every row is checked ' +
        '(NIF check digit, phone to E.164, postal code NNNN-NNN, district…) and compared with the records kept (phone, NIF, e-mail; ' +
        'address; code) and with the earlier lines of the file. The result is a draft, kept 24 hours; `GET …/rows` lists it row by row.',
      tags: TAGS,
      access: STAFF,
      body: ImportUploadForm.omit({ file: true }),
      bodyContentType: 'multipart/form-data',
      response: Import,
      status: 201,
      before: [csvUpload],
      errors: { 400: FILE_ERRORS, 413: 'FILE_TOO_LARGE (over 10 MB)', 415: 'UNSUPPORTED_MEDIA_TYPE — not multipart/form-data.' },
    },
    async ({ actor, body, req }) => {
      if (!req.is('multipart/form-data')) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Upload the file as multipart/form-data.');
      const file = (req.files as Express.Multer.File[] | undefined)?.[0];
      return imports.upload(actor!, file && { path: file.path, originalName: displayFileName(file.originalname), size: file.size }, {
        kind: body.kind,
        encoding: body.encoding,
        delimiter: body.delimiter ? DELIMITERS[body.delimiter] : undefined,
      });
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/imports',
      summary: 'Imports, newest first: drafts, committed and undone',
      tags: TAGS,
      access: STAFF,
      query: pagingQuery(['createdAt'], '-createdAt'),
      response: Import,
      list: true,
    },
    ({ query }) => imports.list(query),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/imports/templates/:kind',
      summary: 'A CSV template with the recognised headers and two example rows',
      tags: TAGS,
      access: STAFF,
      params: TemplateParams,
      query: TemplateQuery,
      rawResponse: { contentType: 'text/csv', description: 'UTF-8 with a BOM, `;` separated.' },
    },
    ({ params, query, res }) => {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="lavandaria-${params.kind}-${query.locale}.csv"`);
      res.status(200).send(importTemplate(params.kind, query.locale));
      return RESPONDED;
    },
  );

  route(
    routes,
    { method: 'get', path: '/api/imports/:id', summary: 'One import: mapping, counts and, once committed, what it did', tags: TAGS, access: STAFF, params: IdParams, response: Import },
    ({ params }) => imports.get(params.id),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/imports/:id/rows',
      summary: "An import's rows with their problems per field and cell, or what the commit did with each",
      description: 'Cells are shown while the import is a draft and cleared once it is committed; a committed row links to its record.',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      query: RowsQuery,
      response: ImportRow,
      list: true,
    },
    ({ params, query }) => {
      const { outcome, ...page } = query;
      return imports.rows(params.id, outcome, page);
    },
  );

  route(
    routes,
    {
      method: 'put',
      path: '/api/imports/:id/mapping',
      summary: 'Say which field each column fills; every row is checked again',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      body: UpdateImportMappingBody,
      response: Import,
      errors: { 400: 'INVALID_MAPPING (a field twice, a field of another kind, wrong number of columns), VALIDATION_FAILED', 409: 'VERSION_CONFLICT, IMPORT_COMMITTED, IMPORT_UNDONE, IMPORT_EXPIRED' },
    },
    ({ params, body }) => imports.remap(params.id, body),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/imports/:id/commit',
      summary: 'Import the valid rows, all in one transaction; duplicates skipped or used to update',
      description:
        'Rows are checked again against the records as they are now. Invalid rows and repeats within the file are never imported. ' +
        'Committing an import that is committed already changes nothing and answers the same. Audited with counts only.',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      body: CommitImportBody,
      response: Import,
      errors: { 409: 'VERSION_CONFLICT (the mapping changed since), MAPPING_INCOMPLETE, IMPORT_UNDONE, IMPORT_EXPIRED, IMPORT_CONFLICT (records made meanwhile)' },
    },
    ({ actor, params, body }) => imports.commit(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/imports/:id/undo',
      summary: 'Delete the records an import created, while nothing uses them and nobody edited them',
      description: 'Records the import updated keep their new values. Audited with counts only.',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      response: Import,
      errors: { 409: 'IMPORT_NOT_COMMITTED, IMPORT_IN_USE (an order, job, property or sign-in link uses a record), IMPORT_CHANGED (a record was edited since)' },
    },
    ({ actor, params }) => imports.undo(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'delete',
      path: '/api/imports/:id',
      summary: 'Discard a draft and the cells it holds',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      status: 204,
      errors: { 409: 'IMPORT_COMMITTED' },
    },
    ({ params }) => imports.discard(params.id),
  );
}
