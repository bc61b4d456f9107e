import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportDto, ImportRowDto } from '@contracts/imports';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/dialog';
import { Notice } from '@/components/notice';
import { Pager } from '@/components/pager';
import { ErrorState, PageLoader } from '@/components/states';
import { Card } from '@/components/card';
import { SHELL_BASE } from '@/app/paths';
import { useImportRows } from '@/features/imports/api/list-import-rows';
import { useUndoImport } from '@/features/imports/api/undo-import';

/** Where a record made by an import is seen: the client, the client of an address, the price list. */
function recordPath(kind: ImportDto['kind'], row: ImportRowDto): string | null {
  const base = SHELL_BASE.admin;
  if (kind === 'services') return `${base}/laundry-services`;
  return row.clientId ? `${base}/clients/${row.clientId}` : null;
}

/** Step 4: what the commit did, each record linked; undo while nothing uses them. */
export function ResultStep({ result, onUndone, onAnother }: { result: ImportDto; onUndone: (after: ImportDto) => void; onAnother: () => void }) {
  const { t } = useTranslation('imports');
  const [offset, setOffset] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const rows = useImportRows(result.id, 'valid', offset, result.version);
  const duplicates = useImportRows(result.id, 'duplicate', 0, result.version);
  const undo = useUndoImport();
  const counts = result.result ?? { created: 0, updated: 0, skipped: 0 };
  const done = [...(rows.data?.items ?? []), ...(offset === 0 ? (duplicates.data?.items ?? []).filter((r) => r.action === 'updated') : [])];

  return (
    <Card id="import-result-title" title={t('resultTitle')} className="stack gap-4">
      {result.status === 'undone' ? (
        <Notice tone="info">{t('undone')}</Notice>
      ) : (
        <Notice tone="success">
          {t('result', counts)}
          {result.summary.invalid > 0 ? ` ${t('invalidLeft', { count: result.summary.invalid })}` : ''}
        </Notice>
      )}
      {result.status === 'committed' ? (
        rows.isPending ? (
          <PageLoader />
        ) : rows.isError ? (
          <ErrorState error={rows.error} onRetry={() => void rows.refetch()} />
        ) : (
          <>
            <ul role="list" className="stack gap-2">
              {done.map((row) => {
                const path = recordPath(result.kind, row);
                const name = row.recordLabel ?? `#${row.recordId}`;
                return (
                  <li key={row.line} className="cluster">
                    <span className="muted import-links__line">
                      {t('line')} {row.line}
                    </span>
                    {path ? (
                      <Link to={path} aria-label={t('open', { name })}>
                        {name}
                      </Link>
                    ) : (
                      <span>{name}</span>
                    )}
                    <span className="badge badge--success">{row.action === 'updated' ? t('updated') : t('created')}</span>
                  </li>
                );
              })}
            </ul>
            <Pager meta={rows.data.meta} onOffsetChange={setOffset} />
          </>
        )
      ) : null}
      <div className="cluster justify-end">
        {result.status === 'committed' && counts.created > 0 ? (
          <Button variant="ghost" onPress={() => setConfirming(true)}>
            {t('undo')}
          </Button>
        ) : null}
        <Button variant="primary" onPress={onAnother}>
          {t('another')}
        </Button>
      </div>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('undoTitle')}
        confirmLabel={t('undo')}
        pendingLabel={t('undoing')}
        isPending={undo.isPending}
        error={undo.error}
        onConfirm={() =>
          undo.mutate(result.id, {
            onSuccess: (after) => {
              setConfirming(false);
              onUndone(after);
            },
          })
        }
      >
        {t('undoText')}
      </ConfirmDialog>
    </Card>
  );
}
