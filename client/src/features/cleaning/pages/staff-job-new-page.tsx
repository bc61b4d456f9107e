import { useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/features/cleaning/cleaning-strings';
import { PageHeader } from '@/components/page-header';
import { PageLoader } from '@/components/states';
import { newId } from '@/lib/ids';
import { useCreateJob } from '@/features/cleaning/api/create-job';
import { JobForm } from '@/features/cleaning/components/job-form';
import { toCreateBody } from '@/features/cleaning/components/job-form-values';
import { staffPaths } from '@/features/cleaning/paths';
import type { SavedState } from '@/features/cleaning/saved-state';
import { useRequestPrefill } from '@/features/requests/api/get-request-prefill';
import { useAcceptRequest } from '@/features/requests/api/request-actions';
import { RequestPrefillNotice } from '@/features/requests/components/request-prefill-notice';
import '@/features/cleaning/cleaning.css';

export default function StaffJobNewPage() {
  const { t } = useTranslation('cleaning');
  const navigate = useNavigate();
  const create = useCreateJob();
  // Accepting a client's cleaning request (issue 23): the form opens with the request's client, property,
  // day, time and notes, and confirming it books the job and accepts the request in one step.
  const [searchParams] = useSearchParams();
  const fromRequest = Number(searchParams.get('fromRequest')) || null;
  const prefill = useRequestPrefill(fromRequest);
  const accept = useAcceptRequest();
  const attempt = useRef<{ json: string; key: string } | null>(null);
  if (fromRequest && prefill.isPending) return <PageLoader />;
  const p = prefill.data?.form === 'cleaning_job' ? prefill.data : undefined;
  return (
    <>
      <PageHeader eyebrow={t('list.title')} title={t('form.newTitle')} lead={t('form.newLead')} />
      {fromRequest ? <RequestPrefillNotice query={prefill} /> : null}
      <JobForm
        isPending={create.isPending || accept.isPending}
        error={create.error ?? accept.error}
        cancelHref={staffPaths.list}
        prefill={p ? { clientId: p.clientId, clientName: p.clientName, propertyId: p.propertyId, date: p.date, time: p.time, notes: p.notes } : undefined}
        onSubmit={(values) => {
          const body = toCreateBody(values);
          if (fromRequest) {
            const json = JSON.stringify(body);
            if (attempt.current?.json !== json) attempt.current = { json, key: newId() };
            accept.mutate(
              { id: fromRequest, input: { cleaningJob: body }, idempotencyKey: attempt.current.key },
              { onSuccess: (request) => void navigate(staffPaths.detail(request.cleaningJobId!), { state: { saved: 'booked', count: 1, warnings: [] } satisfies SavedState }) },
            );
            return;
          }
          create.mutate(body, {
            onSuccess: (job) => {
              const state: SavedState = { saved: 'booked', count: job.affectedJobIds?.length ?? 1, warnings: job.warnings ?? [] };
              void navigate(staffPaths.detail(job.id), { state });
            },
          });
        }}
      />
    </>
  );
}
