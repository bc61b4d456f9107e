import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/features/cleaning/cleaning-strings';
import { PageHeader } from '@/components/page-header';
import { useCreateJob } from '@/features/cleaning/api/create-job';
import { JobForm, toCreateBody } from '@/features/cleaning/components/job-form';
import { staffPaths } from '@/features/cleaning/paths';
import type { SavedState } from '@/features/cleaning/saved-state';
import '@/features/cleaning/cleaning.css';

export default function StaffJobNewPage() {
  const { t } = useTranslation('cleaning');
  const navigate = useNavigate();
  const create = useCreateJob();
  return (
    <>
      <PageHeader eyebrow={t('list.title')} title={t('form.newTitle')} lead={t('form.newLead')} />
      <JobForm
        isPending={create.isPending}
        error={create.error}
        cancelHref={staffPaths.list}
        onSubmit={(values) =>
          create.mutate(toCreateBody(values), {
            onSuccess: (job) => {
              const state: SavedState = { saved: 'booked', count: job.affectedJobIds?.length ?? 1, warnings: job.warnings ?? [] };
              void navigate(staffPaths.detail(job.id), { state });
            },
          })
        }
      />
    </>
  );
}
