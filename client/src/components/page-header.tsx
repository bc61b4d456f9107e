import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBusiness } from '@/lib/business';

/** Sets the tab title to "<page> · <business name>" in the current language. */
export function useDocumentTitle(title?: string) {
  const { t } = useTranslation();
  const suffix = useBusiness()?.name ?? t('app.titleSuffix');
  useEffect(() => {
    document.title = title ? `${title} · ${suffix}` : suffix;
  }, [title, suffix]);
}

/**
 * The page's one h1. It can take focus (tabIndex -1) so that, after an in-app navigation, the shell
 * moves focus here and a screen reader announces the new page.
 */
export function PageHeader({
  eyebrow,
  title,
  lead,
  actions,
  dataTitle,
}: {
  eyebrow?: ReactNode;
  title: string;
  lead?: ReactNode;
  actions?: ReactNode;
  /** The title is a record's own name or number (data, the same in every language): marked translate="no". */
  dataTitle?: boolean;
}) {
  useDocumentTitle(title);
  return (
    <header className="page-header">
      <div className="stack gap-2">
        {eyebrow ? <p className="page-header__eyebrow">{eyebrow}</p> : null}
        <h1 className="page-header__title" tabIndex={-1} data-page-title="" translate={dataTitle ? 'no' : undefined}>

          {title}
        </h1>
        {lead ? <p className="page-header__lead muted">{lead}</p> : null}
      </div>
      {actions ? <div className="cluster">{actions}</div> : null}
    </header>
  );
}
