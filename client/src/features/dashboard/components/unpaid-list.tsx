import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FinanceDashboardDto, UnpaidDocumentDto } from '@contracts/dashboard';
import { Button, ButtonLink } from '@/components/button';
import { Icon } from '@/components/icon';
import { Card } from '@/components/card';
import { Notice } from '@/components/notice';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { SHELL_BASE } from '@/app/paths';
import '@/features/dashboard/dashboard-strings';
import { RecordPaymentDialog } from '@/features/payments/components/record-payment-dialog';
import '@/features/payments/payments.css';

export const documentHref = (d: { serviceLine: 'laundry' | 'cleaning'; id: number }) => `${SHELL_BASE.admin}/${d.serviceLine}/${d.id}`;

/** The oldest finished work still owed (ADR 0014), each with "Record payment" (the same dialog as the order and job pages). */
export function UnpaidList({ outstanding }: { outstanding: FinanceDashboardDto['outstanding'] }) {
  const { t } = useTranslation('dashboard');
  const locale = currentLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const [paying, setPaying] = useState<UnpaidDocumentDto | null>(null);
  const [done, setDone] = useState<string | null>(null);

  return (
    <Card
      id="dash-unpaid-title"
      title={t('unpaidTitle')}
      lead={outstanding.oldest.length > 0 ? t('unpaidLead') : null}
      className="dash-card stack gap-4"
      actions={
        <ButtonLink href={`${SHELL_BASE.admin}/payments`} variant="ghost" size="sm">
          {t('allPayments')}
          <Icon name="chevronRight" size={16} />
        </ButtonLink>
      }
    >
      {done ? <Notice tone="success">{done}</Notice> : null}
      {outstanding.oldest.length === 0 ? (
        <p className="muted">{t('unpaidEmpty')}</p>
      ) : (
        <ul role="list" className="divided stack gap-3">
          {outstanding.oldest.map((doc) => (
            <li key={`${doc.serviceLine}-${doc.id}`} className="cluster gap-3" data-testid="unpaid-row">
              <div className="dash-unpaid__doc text-sm">
                <Link to={documentHref(doc)} className="strong text-base" translate="no">
                  {doc.reference}
                </Link>
                <span className="muted">
                  <span translate="no">{doc.client.name}</span> · {doc.ageDays === 0 ? t('ageToday') : t('ageDays', { count: doc.ageDays })}
                </span>
              </div>
              <div className="dash-unpaid__owed text-sm">
                <strong className="text-base">{money(doc.balanceCents)}</strong>
                <span className="muted">{t('ofTotal', { total: money(doc.totalCents) })}</span>
              </div>
              <Button size="sm" variant="soft" onPress={() => setPaying(doc)} aria-label={t('recordPaymentFor', { reference: doc.reference })}>
                <Icon name="wallet" size={16} />
                {t('recordPayment')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {paying ? (
        <RecordPaymentDialog
          target={{ line: paying.serviceLine, id: paying.id }}
          reference={paying.reference}
          clientName={paying.client.name}
          due={{ balanceCents: paying.balanceCents, basis: 'total' }}
          isOpen
          onOpenChange={(open) => !open && setPaying(null)}
          onRecorded={(result) => setDone(t('recorded', { amount: money(result.payment.amountCents), reference: paying.reference }))}
        />
      ) : null}
    </Card>
  );
}
