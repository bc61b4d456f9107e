import { useTranslation } from 'react-i18next';
import { ButtonLink } from '@/components/button';
import { Icon } from '@/components/icon';
import '@/features/turnovers/report-strings';

/** On a completed turnover's page: the way to its report. */
export function ReportLinkCard({ href }: { href: string }) {
  const { t } = useTranslation('hostReport');
  return (
    <section className="card stack gap-4" aria-label={t('report.eyebrow')}>
      <ButtonLink href={href} variant="primary" block>
        <Icon name="checkCircle" size={18} />
        {t('report.open')}
      </ButtonLink>
    </section>
  );
}
