import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { FilePicker } from '@/components/file-picker';
import { FormDialog } from '@/components/dialog';
import { TextAreaInput } from '@/components/form-controls';
import { Icon } from '@/components/icon';
import { Notice } from '@/components/notice';
import { ErrorState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useJobIssues, useRaiseIssue, type JobIssue } from '@/features/turnovers/api/host-report-api';
import '@/features/turnovers/report-strings';
import '@/features/turnovers/turnovers.css';
import '@/features/photos/photos.css';
import { JobSection } from '@/features/cleaning/components/job-page-parts';

/** The problems noted on a job, as a plain list (the job pages and the host's report draw the same rows). */
export function IssueList({ issues, photoHref }: { issues: JobIssue[]; photoHref?: (issue: JobIssue) => string }) {
  const { t } = useTranslation('hostReport');
  const locale = currentLocale();
  if (issues.length === 0) return <p className="muted">{t('issues.none')}</p>;
  return (
    <ul role="list" className="stack gap-3 divided">
      {issues.map((issue) => (
        <li key={issue.id} className="stack gap-1">
          <p className="user-text" translate="no">
            {issue.text}
          </p>
          <p className="muted text-sm">{t('issues.by', { name: issue.raisedBy.firstName, when: formatDateTime(issue.raisedAt, locale, 'medium') })}</p>
          {issue.photo ? (
            <a href={photoHref ? photoHref(issue) : issue.photo.url} target="_blank" rel="noreferrer" className="photo-thumb job-issues__photo">
              <img src={issue.photo.thumbnailUrl} alt={t('issues.photoAlt')} loading="lazy" decoding="async" className="photo-thumb__image" />
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * A job's problems on the worker's phone and the staff job page: the list, and for the job's worker
 * while it is open (staff at any time) "Note a problem" with an optional photo.
 */
export function JobIssuesCard({ jobId, canRaise }: { jobId: number; canRaise: boolean }) {
  const { t } = useTranslation('hostReport');
  const issues = useJobIssues(jobId);
  const [raising, setRaising] = useState(false);
  const [sent, setSent] = useState(false);
  return (
    <JobSection id={`issues-${jobId}`} icon="alertCircle" title={t('issues.title')}>
      {sent ? <Notice tone="success">{t('issues.sent')}</Notice> : null}
      {issues.isPending ? null : issues.isError ? <ErrorState error={issues.error} onRetry={() => void issues.refetch()} /> : <IssueList issues={issues.data} />}
      {canRaise ? (
        <Button variant="soft" size="lg" block onPress={() => { setSent(false); setRaising(true); }}>
          <Icon name="alertCircle" size={20} />
          {t('issues.raise')}
        </Button>
      ) : null}
      {raising ? <RaiseIssueDialog jobId={jobId} onClose={() => setRaising(false)} onSent={() => setSent(true)} /> : null}
    </JobSection>
  );
}

function RaiseIssueDialog({ jobId, onClose, onSent }: { jobId: number; onClose: () => void; onSent: () => void }) {
  const { t } = useTranslation('hostReport');
  const raise = useRaiseIssue(jobId);
  const [text, setText] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [tried, setTried] = useState(false);
  const missing = text.trim().length === 0;
  return (
    <FormDialog
      onClose={onClose}
      title={t('issues.raiseTitle')}
      description={t('issues.raiseLead')}
      confirmLabel={t('issues.send')}
      isPending={raise.isPending}
      error={raise.error}
      onSubmit={() => {
        setTried(true);
        if (!missing)
          raise.mutate(
            { text: text.trim(), photo },
            {
              onSuccess: () => {
                onSent();
                onClose();
              },
            },
          );
      }}
    >
      <TextAreaInput label={t('issues.text')} value={text} onChange={setText} rows={4} maxLength={1000} isRequired errorMessage={tried && missing ? t('issues.textRequired') : undefined} />
      {photo ? (
        <p className="cluster cluster--spread user-text">
          <span>{t('issues.photoChosen', { name: photo.name })}</span>
          <Button variant="ghost" size="sm" onPress={() => setPhoto(null)}>
            {t('issues.removePhoto')}
          </Button>
        </p>
      ) : (
        <FilePicker label={t('issues.photo')} icon="camera" variant="soft" block accept="image/*" capture="environment" onChange={(files) => setPhoto(files[0] ?? null)} />
      )}
    </FormDialog>
  );
}
