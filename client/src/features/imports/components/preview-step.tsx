import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicatePolicy, ImportDto, ImportField, ImportRowDto, RowErrorDto } from '@contracts/imports';
import { Button } from '@/components/button';
import { RadioCards } from '@/components/form-controls';
import { ErrorNotice, Notice } from '@/components/notice';
import { Pager } from '@/components/pager';
import { QueryFallback } from '@/components/states';
import { Card } from '@/components/card';
import { useCommitImport } from '@/features/imports/api/commit-import';
import { useImportRows, type RowFilter } from '@/features/imports/api/list-import-rows';
import type { importsEn } from '@/features/imports/imports-strings';

type FieldKey = keyof typeof importsEn.fields;
const DUPLICATE_FIELDS: Record<string, FieldKey> = { phone: 'phone', nif: 'nif', email: 'email', address: 'addressLine1', code: 'code' };

/** What is wrong with a row, in words: "NIF is not a valid NIF (check digit)". */
export function useRowProblem() {
  const { t } = useTranslation('imports');
  return (error: RowErrorDto) => `${error.field ? t(`fields.${error.field as FieldKey}`) : t('rowProblem')} ${t(`rowErrors.${error.code}`)}`;
}

function ProblemCell({ row }: { row: ImportRowDto }) {
  const { t } = useTranslation('imports');
  const problem = useRowProblem();
  if (row.errors.length > 0) {
    return (
      <ul role="list" className="import-problems">
        {row.errors.map((e) => (
          <li key={`${e.field}-${e.code}`}>{problem(e)}</li>
        ))}
      </ul>
    );
  }
  if (row.duplicateOf) {
    const field = t(`fields.${DUPLICATE_FIELDS[row.duplicateOf.field] ?? 'name'}`);
    return <span className="muted">{row.duplicateOf.line ? t('duplicateOfLine', { field, line: row.duplicateOf.line }) : t('duplicateOfRecord', { field })}</span>;
  }
  return <span className="muted">—</span>;
}

/** Step 3: the counts, the rows with their problems marked on the very cell, the duplicates choice and the commit. */
export function PreviewStep({ draft, onCommitted, onRestart }: { draft: ImportDto; onCommitted: (done: ImportDto) => void; onRestart: () => void }) {
  const { t } = useTranslation('imports');
  const [filter, setFilter] = useState<RowFilter>(draft.summary.invalid > 0 ? 'invalid' : '');
  const [offset, setOffset] = useState(0);
  const [duplicates, setDuplicates] = useState<DuplicatePolicy>('skip');
  const rows = useImportRows(draft.id, filter, offset, draft.version);
  const commit = useCommitImport();
  const importable = draft.summary.valid + (duplicates === 'update' ? draft.summary.duplicate : 0);
  const fieldOfColumn = (index: number) => draft.columns[index] as ImportField | null;

  return (
    <Card id="import-preview-title" title={t('steps.preview')} className="stack gap-4">
      <dl className="facts facts--compact facts--panels">
        {(['total', 'valid', 'invalid', 'duplicate'] as const).map((key) => (
          <div key={key} className={`panel import-summary__item import-summary__item--${key}`}>
            <dt>{t(`summary.${key}`)}</dt>
            <dd className="amount text-xl">{draft.summary[key]}</dd>
          </div>
        ))}
      </dl>
      <RadioCards
        label={t('filter')}
        orientation="horizontal"
        value={filter || 'all'}
        onChange={(value) => {
          setFilter(value === 'all' ? '' : (value as RowFilter));
          setOffset(0);
        }}
        options={(['invalid', 'duplicate', 'valid', 'all'] as const).map((f) => ({ value: f, label: t(`filters.${f}`) }))}
      />
      {!rows.isSuccess ? (
        <QueryFallback query={rows} />
      ) : rows.data.items.length === 0 ? (
        <p className="muted">{t('noProblems')}</p>
      ) : (
        <>
          <div className="table-card table-wrap import-rows">
            <table className="data-table">
              <caption className="visually-hidden">{t('steps.preview')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('line')}</th>
                  {draft.headers.map((h, i) => (
                    <th key={`${i}-${h}`} scope="col">
                      {h || `#${i + 1}`}
                    </th>
                  ))}
                  <th scope="col">{t('problems')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.data.items.map((row) => {
                  const badColumns = new Set(row.errors.map((e) => e.column).filter((c): c is number => c !== null));
                  return (
                    <tr key={row.line} className={`import-row import-row--${row.outcome}`}>
                      <th scope="row" className="cell-main" data-label={t('line')}>
                        {row.line}
                      </th>
                      {draft.headers.map((h, i) => {
                        const field = fieldOfColumn(i);
                        const bad = badColumns.has(i);
                        return (
                          <td
                            key={`${i}-${h}`}
                            data-label={h || `#${i + 1}`}
                            className={[bad ? 'import-cell--invalid' : '', field ? '' : 'import-cell--ignored'].join(' ').trim() || undefined}
                            aria-invalid={bad || undefined}
                          >
                            {row.cells?.[i] ?? ''}
                          </td>
                        );
                      })}
                      <td data-label={t('problems')}>
                        <ProblemCell row={row} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager meta={rows.data.meta} onOffsetChange={setOffset} />
        </>
      )}
      {draft.summary.duplicate > 0 ? (
        <RadioCards
          label={t('duplicatesLabel')}
          value={duplicates}
          onChange={(value) => setDuplicates(value as DuplicatePolicy)}
          options={(['skip', 'update'] as const).map((d) => ({ value: d, label: t(`duplicates.${d}`) }))}
        />
      ) : null}
      {importable === 0 ? <Notice tone="warning">{t('nothingToImport')}</Notice> : null}
      <ErrorNotice error={commit.error} />
      <div className="cluster justify-end">
        <Button variant="ghost" onPress={onRestart}>
          {t('discard')}
        </Button>
        <Button
          variant="primary"
          isDisabled={importable === 0}
          isPending={commit.isPending}
          pendingLabel={t('committing')}
          onPress={() => commit.mutate({ id: draft.id, version: draft.version, duplicates }, { onSuccess: onCommitted })}
        >
          {t('commit', { count: importable })}
        </Button>
      </div>
    </Card>
  );
}
