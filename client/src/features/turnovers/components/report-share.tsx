import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/dialog';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { ErrorState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useCreateReportLink, useReportLinks, useRevokeReportLink, type CreatedReportLink, type ReportLink } from '@/features/turnovers/api/host-report-api';
import '@/features/turnovers/report-strings';
import '@/features/turnovers/turnovers.css';
import { JobSection } from '@/features/cleaning/components/job-page-parts';

/**
 * "Share": a link that opens the report without signing in. The new link is shown once (the server
 * keeps only its hash), with a copy button; the list shows every link's dates and switches one off.
 */
export function ReportShare({ jobId }: { jobId: number }) {
  const { t } = useTranslation('hostReport');
  const locale = currentLocale();
  const links = useReportLinks(jobId);
  const create = useCreateReportLink(jobId);
  const revoke = useRevokeReportLink(jobId);
  const [made, setMade] = useState<CreatedReportLink | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const [revoking, setRevoking] = useState<ReportLink | null>(null);
  const when = (iso: string) => formatDateTime(iso, locale, 'medium');
  const now = Date.now();

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <JobSection id={`share-${jobId}`} icon="link" title={t('share.title')}>
      <p className="muted">{t('share.lead')}</p>
      <Button
        variant="primary"
        isPending={create.isPending}
        pendingLabel={t('share.creating')}
        onPress={() => {
          setCopied(null);
          create.mutate(undefined, { onSuccess: (link) => setMade(link) });
        }}
      >
        <Icon name="plus" size={18} />
        {t('share.create')}
      </Button>
      <ErrorNotice error={create.error} />
      {made ? (
        <div className="stack">
          <Notice tone="success">{t('share.created')}</Notice>
          <p className="report-links__url" aria-label={t('share.linkLabel')} data-testid="report-link-url">
            {made.url}
          </p>
          <Button variant="soft" onPress={() => void copy(made.url)}>
            <Icon name="copy" size={18} />
            {t('share.copy')}
          </Button>
          <div aria-live="polite">{copied === 'yes' ? <p className="muted">{t('share.copied')}</p> : copied === 'failed' ? <p className="muted">{t('share.copyFailed')}</p> : null}</div>
        </div>
      ) : null}
      {links.isPending ? null : links.isError ? (
        <ErrorState error={links.error} onRetry={() => void links.refetch()} />
      ) : links.data.length === 0 ? (
        <p className="muted">{t('share.none')}</p>
      ) : (
        <ul role="list" className="stack gap-3 divided">
          {links.data.map((link) => {
            const expired = new Date(link.expiresAt).getTime() <= now;
            return (
              <li key={link.id} className="cluster gap-2 cluster--spread" data-link-id={link.id}>
                <div>
                  <p className="strong">{t('share.createdAt', { when: when(link.createdAt) })}</p>
                  <p className="muted">
                    {link.revokedAt ? t('share.revokedAt', { when: when(link.revokedAt) }) : expired ? t('share.expired', { when: when(link.expiresAt) }) : t('share.expiresAt', { when: when(link.expiresAt) })}
                  </p>
                  <p className="muted">{link.lastOpenedAt ? t('share.lastOpened', { when: when(link.lastOpenedAt) }) : t('share.neverOpened')}</p>
                </div>
                {link.revokedAt || expired ? null : (
                  <Button variant="danger" size="sm" aria-label={t('share.revokeOf', { when: when(link.createdAt) })} onPress={() => setRevoking(link)}>
                    {t('share.revoke')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        isOpen={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={t('share.revokeTitle')}
        confirmLabel={t('share.revoke')}
        isPending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => {
          if (revoking) revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) });
        }}
      >
        <p>{t('share.revokeLead')}</p>
      </ConfirmDialog>
    </JobSection>
  );
}
