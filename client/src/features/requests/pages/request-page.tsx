import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ATTACHED_PHOTO_LIMITS } from '@contracts/attached-photos';
import { Button } from '@/components/button';
import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { EmptyState, ErrorState, PageLoader } from '@/components/states';
import { Card } from '@/components/card';
import { SHELL_BASE } from '@/app/paths';
import { isApiError } from '@/lib/api-error';
import { usePrincipal } from '@/features/auth/api/get-session';
import { ThreadPanel } from '@/features/conversations/components/thread-panel';
import { AttachedPhotoStrip, PhotoPicker } from '@/features/photos/components/attached-photos';
import { useAddRequestPhotos } from '@/features/requests/api/create-request';
import { useRequest } from '@/features/requests/api/get-request';
import type { ClientRequest } from '@/features/requests/api/keys';
import { ClientRequestActions } from '@/features/requests/components/client-request-actions';
import { RequestHistory } from '@/features/requests/components/request-history';
import { RequestStateBadge } from '@/features/requests/components/request-state-badge';
import { StaffRequestActions } from '@/features/requests/components/staff-request-actions';
import { whenText } from '@/features/requests/request-format';
import '@/components/kit.css';
import '@/features/requests/requests-strings';
import '@/features/requests/requests.css';

function Facts({ request, base, staff }: { request: ClientRequest; base: string; staff: boolean }) {
  const { t } = useTranslation('requests');
  return (
    <dl className="facts">
      {staff ? (
        <div>
          <dt>{t('detail.client')}</dt>
          <dd translate="no">
            <Link to={`${base}/clients/${request.client.id}`}>{request.client.name}</Link>
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t('detail.wanted')}</dt>
        <dd data-testid="request-when">{whenText(t, request.preferredDate, request.windowStart, request.windowEnd)}</dd>
      </div>
      {request.property || request.address ? (
        <div>
          <dt>{t('detail.where')}</dt>
          <dd translate="no">{request.property ? `${request.property.name} · ${request.property.address}` : request.address}</dd>
        </div>
      ) : null}
      {request.laundryOrder ? (
        <div>
          <dt>{t('detail.order')}</dt>
          <dd>
            <Link to={`${base}/laundry/${request.laundryOrder.id}`} data-testid="request-order-link" translate="no">
              {request.laundryOrder.orderNumber}
            </Link>
          </dd>
        </div>
      ) : null}
      {request.cleaningJobId ? (
        <div>
          <dt>{t('detail.job')}</dt>
          <dd>
            <Link to={`${base}/cleaning/${request.cleaningJobId}`} data-testid="request-job-link">
              {t('detail.jobRef', { id: request.cleaningJobId })}
            </Link>
          </dd>
        </div>
      ) : null}
      {request.notes ? (
        <div>
          <dt>{t('detail.notes')}</dt>
          <dd translate="no">{request.notes}</dd>
        </div>
      ) : null}
      {request.declineReason ? (
        <div>
          <dt>{t('detail.declineReason')}</dt>
          <dd translate="no">{request.declineReason}</dd>
        </div>
      ) : null}
      {request.cancelReason ? (
        <div>
          <dt>{t('detail.cancelReason')}</dt>
          <dd translate="no">{request.cancelReason}</dd>
        </div>
      ) : null}
    </dl>
  );
}

const PHOTO_STATES = new Set(['pending', 'proposed', 'pending_confirmation']);

/** The photos the client attached; while the request is open, the client may add more (up to the limit). */
function RequestPhotos({ request, staff }: { request: ClientRequest; staff: boolean }) {
  const { t } = useTranslation('requests');
  const [files, setFiles] = useState<File[]>([]);
  const add = useAddRequestPhotos(request.id);
  const photos = request.photos ?? [];
  const room = ATTACHED_PHOTO_LIMITS.perRequest - photos.length;
  const canAdd = !staff && PHOTO_STATES.has(request.state) && room > 0;
  if (photos.length === 0 && !canAdd) return null;
  return (
    <Card id="request-photos-title" title={t('detail.photos')} className="stack" data-testid="request-photos">
      <AttachedPhotoStrip photos={photos} testId="request-photo-strip" />
      {canAdd ? (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (files.length > 0) add.mutate(files, { onSuccess: () => setFiles([]) });
          }}
        >
          <PhotoPicker files={files} onChange={setFiles} max={room} isDisabled={add.isPending} />
          <ErrorNotice error={add.error} />
          {files.length > 0 ? (
            <div>
              <Button type="submit" variant="secondary" isPending={add.isPending} pendingLabel={t('form.submitting')}>
                <Icon name="image" size={18} />
                {t('detail.addPhotos')}
              </Button>
            </div>
          ) : null}
        </form>
      ) : null}
    </Card>
  );
}

/** One request, for the client who made it and for staff: what, when, where, its state and history, and what each side can do next. */
export default function RequestPage() {
  const { t } = useTranslation('requests');
  const principal = usePrincipal();
  const staff = principal.role === 'master' || principal.role === 'admin';
  const base = SHELL_BASE[principal.role];
  const id = Number(useParams().id);
  const request = useRequest(id);
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const photosFailed = (location.state as { photosFailed?: boolean } | null)?.photosFailed === true;
  const back = (
    <Link to={`${base}/requests`} className="back-link">
      <Icon name="chevronLeft" size={16} />
      {t('detail.back')}
    </Link>
  );

  if (request.isPending) return <PageLoader />;
  if (request.isError) {
    return (
      <div className="stack">
        {back}
        {isApiError(request.error, 'NOT_FOUND') ? <EmptyState icon="info" title={t('detail.notFound')} /> : <ErrorState error={request.error} onRetry={() => void request.refetch()} />}
      </div>
    );
  }
  const data = request.data;
  return (
    <>
      <PageHeader
        eyebrow={back}
        title={t(`kind.${data.kind}`)}
        lead={
          <span className="cluster">
            <RequestStateBadge state={data.state} />
            <span>{t('ref', { id: data.id })}</span>
          </span>
        }
      />
      <div className="detail-layout detail-layout--wide-side">
        <div className="stack">
          {created ? <Notice tone="success">{t('form.created')}</Notice> : null}
          {photosFailed ? <Notice tone="warning">{t('detail.photosFailed')}</Notice> : null}
          {data.proposal ? (
            <Card id="request-proposal-title" title={staff ? t('detail.proposalStaff') : t('detail.proposal')} data-testid="request-proposal">
              <p>{whenText(t, data.proposal.date, data.proposal.windowStart, data.proposal.windowEnd)}</p>
              {data.proposal.note ? <p className="muted">{data.proposal.note}</p> : null}
            </Card>
          ) : null}
          <Card id="request-facts-title" title={t('ref', { id: data.id })} titleHidden>
            <Facts request={data} base={base} staff={staff} />
          </Card>
          <RequestPhotos request={data} staff={staff} />
          {staff ? <StaffRequestActions request={data} /> : <ClientRequestActions request={data} />}
        </div>
        <div className="stack">
          <RequestHistory request={data} />
          <ThreadPanel subject="request" subjectId={data.id} />
        </div>
      </div>
    </>
  );
}
