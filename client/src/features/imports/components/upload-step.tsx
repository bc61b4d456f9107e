import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, IMPORT_LIMITS, type ImportDto, type ImportKindValue } from '@contracts/imports';
import { Button } from '@/components/button';
import { SelectInput } from '@/components/fields';
import { FileInput } from '@/components/file-picker';
import { RadioCards } from '@/components/form-controls';
import { Icon } from '@/components/icon';
import { ErrorNotice } from '@/components/notice';
import { Card } from '@/components/card';
import { downloadFromApi } from '@/lib/api-download';
import { currentLocale } from '@/lib/i18n';
import { useUploadImport, type UploadImportInput } from '@/features/imports/api/upload-import';

/** Step 1: which kind of data, the file, and (rarely needed) its separator and encoding. */
export function UploadStep({ onRead }: { onRead: (draft: ImportDto) => void }) {
  const { t } = useTranslation('imports');
  const upload = useUploadImport();
  const [kind, setKind] = useState<ImportKindValue>('clients');
  const [file, setFile] = useState<File | null>(null);
  const [delimiter, setDelimiter] = useState<UploadImportInput['delimiter']>('');
  const [encoding, setEncoding] = useState<UploadImportInput['encoding']>('');
  const [fileError, setFileError] = useState<string | undefined>();

  const submit = () => {
    if (!file) return setFileError(t('chooseFile'));
    if (file.size > IMPORT_LIMITS.maxBytes) return setFileError(t('fileTooLarge'));
    setFileError(undefined);
    upload.mutate({ kind, file, delimiter, encoding }, { onSuccess: onRead });
  };

  return (
    <Card id="import-upload-title" title={t('steps.upload')} className="stack gap-4">
      <RadioCards
        label={t('kindLabel')}
        value={kind}
        onChange={(value) => setKind(value as ImportKindValue)}
        options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`), description: t(`kindHints.${k}`) }))}
      />
      <Button variant="ghost" size="sm" onPress={() => void downloadFromApi(`/api/imports/templates/${kind}?locale=${currentLocale()}`, `lavandaria-${kind}.csv`)}>
        <Icon name="download" size={18} />
        {t('template')}
      </Button>
      <FileInput label={t('file')} accept=".csv,text/csv,text/plain" onChange={setFile} description={t('fileHint')} errorMessage={fileError} name="file" />
      <details className="import-advanced">
        <summary className="strong">{t('advanced')}</summary>
        <div className="form-grid">
          <SelectInput
            label={t('delimiter')}
            value={delimiter}
            placeholder={t('automatic')}
            options={(['semicolon', 'comma', 'tab'] as const).map((d) => ({ value: d, label: t(`delimiters.${d}`) }))}
            onChange={(value) => setDelimiter(value as UploadImportInput['delimiter'])}
          />
          <SelectInput
            label={t('encoding')}
            value={encoding}
            placeholder={t('automatic')}
            options={(['utf-8', 'windows-1252'] as const).map((e) => ({ value: e, label: t(`encodings.${e}`) }))}
            onChange={(value) => setEncoding(value as UploadImportInput['encoding'])}
          />
        </div>
      </details>
      <ErrorNotice error={upload.error} />
      <div className="cluster justify-end">
        <Button variant="primary" onPress={submit} isPending={upload.isPending} pendingLabel={t('reading')}>
          <Icon name="upload" size={18} />
          {t('read')}
        </Button>
      </div>
    </Card>
  );
}
