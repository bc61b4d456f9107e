import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/features/cleaning/cleaning-strings';
import { ButtonLink } from '@/components/button';
import { PageHeader } from '@/components/page-header';
import { EmptyState, QueryFallback } from '@/components/states';
import { useJob } from '@/features/cleaning/api/get-job';
import type { StaffJob } from '@/features/cleaning/api/keys';
import { useUpdateJob } from '@/features/cleaning/api/update-job';
import { JobForm } from '@/features/cleaning/components/job-form';
import { toUpdateBody } from '@/features/cleaning/components/job-form-values';
import { staffPaths } from '@/features/cleaning/paths';
import type { SavedState } from '@/features/cleaning/saved-state';
import '@/features/cleaning/cleaning.css';

export default function StaffJobEditPage() {
  const { t } = useTranslation('cleaning');
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const job = useJob<StaffJob>(id);
  const update = useUpdateJob();

  if (!job.isSuccess) return <QueryFallback query={job} />;
  const data = job.data;
  const open = data.status === 'scheduled' || data.status === 'in_progress';
  return (
    <>
      <PageHeader eyebrow={t('jobNumber', { id })} title={t('form.editTitle')} lead={t('form.editLead')} />
      {open ? (
        <JobForm
          job={data}
          isPending={update.isPending}
          error={update.error}
          cancelHref={staffPaths.detail(id)}
          onSubmit={(values, scope) => {
            const input = toUpdateBody(data, values, scope);
            if (Object.keys(input).length <= 2) {
              void navigate(staffPaths.detail(id));
              return;
            }
            update.mutate(
              { id, input },
              {
                onSuccess: (saved) => {
                  const state: SavedState = { saved: 'saved', count: saved.affectedJobIds?.length ?? 1, warnings: saved.warnings ?? [] };
                  void navigate(staffPaths.detail(id), { state });
                },
              },
            );
          }}
        />
      ) : (
        <EmptyState icon="lock" title={t('form.closedTitle')} actions={<ButtonLink href={staffPaths.detail(id)}>{t('form.back')}</ButtonLink>}>
          {t('form.closedText')}
        </EmptyState>
      )}
    </>
  );
}
