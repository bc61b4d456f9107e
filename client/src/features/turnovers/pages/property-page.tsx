import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { QueryFallback } from '@/components/states';
import { usePrincipal } from '@/features/auth/api/get-session';
import { clientPaths, staffPaths } from '@/features/cleaning/paths';
import { useProperty } from '@/features/turnovers/api/turnovers-api';
import { CalendarsCard } from '@/features/turnovers/components/calendars-card';
import { LinenSetCard } from '@/features/turnovers/components/linen-set-card';
import { ReservationsCard } from '@/features/turnovers/components/reservations-card';
import { RuleCard } from '@/features/turnovers/components/rule-card';
import '@/features/turnovers/turnovers-strings';
import '@/features/cleaning/cleaning.css';
import '@/features/turnovers/turnovers.css';

/**
 * A short-let property: its calendars (with their last read and "sync now"), the stays read from them
 * with their turnovers, the turnover rule and the linen set. Staff edit everything; the owning client
 * adds and reads their calendars and sees the rest.
 */
export default function PropertyPage() {
  const { t } = useTranslation('turnovers');
  const id = Number(useParams().id);
  const principal = usePrincipal();
  const staff = principal.role === 'master' || principal.role === 'admin';
  const property = useProperty(id);

  if (!property.isSuccess) return <QueryFallback query={property} />;
  const p = property.data;
  const back = staff ? { to: `/admin/clients/${p.clientId}`, label: t('property.backToClient') } : { to: clientPaths.list, label: t('property.backToJobs') };

  return (
    <>
      <p className="back-link">
        <Link to={back.to}>
          <Icon name="chevronLeft" size={18} />
          {back.label}
        </Link>
      </p>
      <PageHeader
        eyebrow={
          <span className="cluster">
            {t('property.eyebrow')}
            {p.isActive ? null : <span className="badge badge--danger">{t('property.inactive')}</span>}
          </span>
        }
        title={p.name}
        dataTitle
        lead={
          <span translate="no">
            {p.addressLine1}
            {p.addressLine2 ? `, ${p.addressLine2}` : ''} · {p.postalCode} {p.city}
          </span>
        }
      />
      <div className="stack property-page">
        <CalendarsCard propertyId={id} />
        <ReservationsCard propertyId={id} jobHref={staff ? staffPaths.detail : clientPaths.detail} />
        <div className="property-page__grid">
          <RuleCard propertyId={id} editable={staff} />
          <LinenSetCard propertyId={id} editable={staff} />
        </div>
      </div>
    </>
  );
}
