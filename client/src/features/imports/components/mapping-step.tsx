import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportDto, type ImportField } from '@contracts/imports';
import { Button } from '@/components/button';
import { SelectInput } from '@/components/fields';
import { ErrorNotice, Notice } from '@/components/notice';
import { Card } from '@/components/card';
import { DataTable } from '@/components/table-card';
import { useImportRows } from '@/features/imports/api/list-import-rows';
import { useUpdateMapping } from '@/features/imports/api/update-mapping';

type FieldKey = (typeof IMPORT_FIELDS)[keyof typeof IMPORT_FIELDS][number];

/** Step 2: each column of the file, its first value, and the field it fills (or ignored). */
export function MappingStep({ draft, onChecked }: { draft: ImportDto; onChecked: (draft: ImportDto) => void }) {
  const { t } = useTranslation('imports');
  const remap = useUpdateMapping();
  const [columns, setColumns] = useState<Array<string | null>>(draft.columns);
  const firstRow = useImportRows(draft.id, '', 0, draft.version).data?.items[0]?.cells ?? [];
  const required = new Set(REQUIRED_IMPORT_FIELDS[draft.kind].flatMap((r) => r.split('|')));
  const fieldName = (f: string) => t(`fields.${f as FieldKey}`);
  const missing = REQUIRED_IMPORT_FIELDS[draft.kind].filter((r) => !r.split('|').some((f) => columns.includes(f)));
  const unchanged = JSON.stringify(columns) === JSON.stringify(draft.columns);

  const next = () => {
    if (unchanged) return onChecked(draft);
    remap.mutate({ id: draft.id, version: draft.version, columns: columns as Array<ImportField | null> }, { onSuccess: onChecked });
  };

  return (
    <Card id="import-mapping-title" title={t('mappingTitle')} className="stack gap-4">
      <p className="card__lead muted text-sm">{t('mappingLead')}</p>
      <DataTable
        caption={t('mappingTitle')}
        columns={[t('column'), t('sample'), t('field')]}
      >
        {draft.headers.map((header, index) => {
          const taken = new Set(columns.filter((c, i) => c && i !== index));
          return (
            <tr key={`${index}-${header}`}>
              <th scope="row" className="cell-main" data-label={t('column')}>
                {header || `#${index + 1}`}
              </th>
              <td data-label={t('sample')} className="import-sample">
                {firstRow[index] ?? ''}
              </td>
              <td data-label={t('field')}>
                <SelectInput
                  label={`${t('field')}: ${header || `#${index + 1}`}`}
                  className="import-mapping__select"
                  value={columns[index] ?? ''}
                  placeholder={t('ignore')}
                  options={IMPORT_FIELDS[draft.kind]
                    .filter((f) => !taken.has(f))
                    .map((f) => ({ value: f, label: required.has(f) ? t('required', { field: fieldName(f) }) : fieldName(f) }))}
                  onChange={(value) => setColumns((c) => c.map((old, i) => (i === index ? value || null : old)))}
                />
              </td>
            </tr>
          );
        })}
      </DataTable>
      {missing.length > 0 ? <Notice tone="warning">{t('missing', { fields: missing.map((m) => m.split('|').map(fieldName).join(' / ')).join(', ') })}</Notice> : null}
      <ErrorNotice error={remap.error} />
      <div className="cluster justify-end">
        <Button variant="primary" onPress={next} isDisabled={missing.length > 0} isPending={remap.isPending} pendingLabel={t('checking')}>
          {t('checkRows')}
        </Button>
      </div>
    </Card>
  );
}
