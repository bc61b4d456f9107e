import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { DialogActions, ModalDialog } from '@/components/dialog';
import { Icon } from '@/components/icon';
import '@/components/ui-strings';
import './kit.css';
import './filters-sheet.css';

/**
 * A list's filters: in place on wide screens; on a phone behind a "Filtros" button that says how many
 * are in use and opens them in a sheet, so the list itself starts on the first screen.
 */
export function FiltersSheet({ activeCount, children }: { activeCount: number; children: ReactNode }) {
  const { t } = useTranslation('ui');
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <div className="hide-on-phone">{children}</div>
      <div className="cluster show-on-phone">
        <Button variant="secondary" onPress={() => setOpen(true)} aria-label={activeCount > 0 ? t('filtersActive', { count: activeCount }) : t('filters')}>
          <Icon name="sliders" size={18} />
          {t('filters')}
          {activeCount > 0 ? (
            <span className="filters-sheet__count" aria-hidden="true">
              {activeCount}
            </span>
          ) : null}
        </Button>
      </div>
      {isOpen ? (
        <ModalDialog isOpen onOpenChange={setOpen} title={t('filters')}>
          <div className="filters-sheet__body">{children}</div>
          <DialogActions>
            <Button variant="primary" onPress={() => setOpen(false)}>
              {t('showResults')}
            </Button>
          </DialogActions>
        </ModalDialog>
      ) : null}
    </>
  );
}
