import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { ErrorNotice } from '@/components/notice';
import '@/components/ui-strings';
import { queryString } from '@/lib/api-client';
import { downloadFromApi } from '@/lib/api-download';
import './kit.css';
import './menu.css';
import './csv-export.css';

/** The API's two CSV dialects: Portuguese Excel (`;`, decimal comma; the default) or plain `,`. */
export type CsvFormat = 'semicolon' | 'comma';
export const CSV_FORMATS: readonly CsvFormat[] = ['semicolon', 'comma'];

export type CsvParams = Record<string, string | number | boolean | null | undefined>;

/** `/api/exports/x.csv?from=…&format=…` (empty filters left out). */
export function csvExportUrl(path: string, params: CsvParams, format: CsvFormat): string {
  return `${path}${queryString({ ...params, format })}`;
}

/** One download at a time per button: pending while the file streams, the refusal kept to explain it. */
export function useCsvDownload() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const run = async (path: string, params: CsvParams, format: CsvFormat) => {
    setPending(true);
    setError(null);
    setSaved(null);
    try {
      const fallback = `${path.split('/').pop() ?? 'export.csv'}`;
      setSaved(await downloadFromApi(csvExportUrl(path, params, format), fallback));
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  return { run, pending, error, saved };
}

interface CsvExportButtonProps {
  /** The export, e.g. `/api/exports/clients.csv`. */
  path: string;
  /** The list's filters the export understands (the same names as the API's). */
  params: CsvParams;
  label?: string;
  /** A fixed dialect (the page offers the choice itself); without it the button opens a choice of both. */
  format?: CsvFormat;
  variant?: 'primary' | 'secondary' | 'soft' | 'ghost';
  size?: 'sm' | 'md';
  isDisabled?: boolean;
}

/**
 * "Export CSV": downloads the export with the filters applied. A refusal (a period the server does not
 * accept, an ended session) is explained under the button; a finished download is announced.
 */
export function CsvExportButton({ path, params, label, format, variant = 'secondary', size = 'md', isDisabled }: CsvExportButtonProps) {
  const { t } = useTranslation('ui');
  const download = useCsvDownload();
  const text = label ?? t('csv.export');

  return (
    <div className="csv-export">
      {format ? (
        <Button variant={variant} size={size} isDisabled={isDisabled} isPending={download.pending} pendingLabel={t('csv.exporting')} onPress={() => void download.run(path, params, format)}>
          <Icon name="download" size={18} />
          {text}
        </Button>
      ) : (
        <MenuTrigger>
          <Button variant={variant} size={size} isDisabled={isDisabled} isPending={download.pending} pendingLabel={t('csv.exporting')}>
            <Icon name="download" size={18} />
            {text}
            <Icon name="chevronDown" size={16} />
          </Button>
          <Popover placement="bottom end" className="menu-popover">
            <Menu className="menu stack gap-0-5" aria-label={t('csv.formatLabel')} onAction={(key) => void download.run(path, params, key as CsvFormat)}>
              {CSV_FORMATS.map((f) => (
                <MenuItem key={f} id={f} textValue={t(`csv.${f}`)} className="menu__item csv-export__choice">
                  <span className="stack gap-0-5">
                    <span>{t(`csv.${f}`)}</span>
                    <span className="csv-export__hint">{t(`csv.${f}Hint`)}</span>
                  </span>
                </MenuItem>
              ))}
            </Menu>
          </Popover>
        </MenuTrigger>
      )}
      <ErrorNotice error={download.error} />
      <span className="visually-hidden" role="status">
        {download.saved ? t('csv.saved', { name: download.saved }) : ''}
      </span>
    </div>
  );
}
