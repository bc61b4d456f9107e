import { useTranslation } from 'react-i18next';
import type { ImportDto } from '@contracts/imports';
import { Button } from '@/components/button';
import { QueryFallback } from '@/components/states';
import { Card } from '@/components/card';
import { DataTable } from '@/components/table-card';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useImportHistory } from '@/features/imports/api/list-imports';

/** The latest imports: a draft can be picked up again, an import opened to see what it did or undo it. */
export function ImportHistory({ onOpen }: { onOpen: (item: ImportDto) => void }) {
  const { t } = useTranslation('imports');
  const history = useImportHistory();
  const locale = currentLocale();
  return (
    <Card id="import-history-title" title={t('historyTitle')}>
      {!history.isSuccess ? (
        <QueryFallback query={history} />
      ) : history.data.items.length === 0 ? (
        <p className="muted">{t('historyEmpty')}</p>
      ) : (
        <DataTable
          caption={t('historyTitle')}
          columns={[t('when'), t('kindColumn'), t('fileColumn'), t('status'), t('who'), { label: <span className="visually-hidden">{t('resume')}</span> }]}
        >
          {history.data.items.map((item) => (
            <tr key={item.id}>
              <td className="cell-main" data-label={t('when')}>
                <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, locale, 'short')}</time>
              </td>
              <td data-label={t('kindColumn')}>{t(`kinds.${item.kind}`)}</td>
              <td data-label={t('fileColumn')} className="import-file-name">
                {item.fileName ?? '—'}
              </td>
              <td data-label={t('status')}>
                {t(`statuses.${item.status}`)}
                {item.result ? ` · ${t('result', item.result)}` : ''}
              </td>
              <td data-label={t('who')}>{item.createdBy.name}</td>
              <td>
                <Button size="sm" variant="ghost" onPress={() => onOpen(item)} aria-label={`${t('resume')} ${item.fileName ?? `#${item.id}`}`}>
                  {t('resume')}
                </Button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Card>
  );
}
