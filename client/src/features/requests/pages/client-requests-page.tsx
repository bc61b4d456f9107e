import { useTranslation } from 'react-i18next';
import { ButtonLink } from '@/components/button';
import { Icon } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { SHELL_BASE } from '@/app/paths';
import { RequestFeed } from '@/features/requests/components/request-feed';
import '@/features/requests/requests-strings';
import '@/features/requests/requests.css';

const base = `${SHELL_BASE.client}/requests`;

/** The client's own requests, newest first, and the ways to ask for something new. */
export default function ClientRequestsPage() {
  const { t } = useTranslation('requests');
  return (
    <>
      <PageHeader
        title={t('clientTitle')}
        lead={t('clientLead')}
        actions={
          <div className="cluster gap-2">
            <ButtonLink href={`${base}/new?kind=pickup`} variant="primary">
              <Icon name="basket" size={18} />
              {t('requestPickup')}
            </ButtonLink>
            <ButtonLink href={`${base}/new?kind=cleaning`} variant="secondary">
              <Icon name="sparkles" size={18} />
              {t('bookCleaning')}
            </ButtonLink>
          </div>
        }
      />
      <RequestFeed filters={{}} hrefOf={(id) => `${base}/${id}`} emptyTitle={t('emptyClient')} />
    </>
  );
}
