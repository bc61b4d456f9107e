import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StatementMonthDto } from '@contracts/accounts';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { ErrorNotice } from '@/components/notice';
import { EmptyState, ErrorState, PageLoader } from '@/components/states';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { longMonth } from '@/features/dashboard/chart-format';
import { downloadStatement, useStatementMonths, type AccountScope } from '@/features/accounts/api/accounts-api';
import '@/features/accounts/accounts-strings';

/** The monthly statements, newest first, each with its opening and closing balance and its PDF. */
export function StatementsPanel({ scope, clientName }: { scope: AccountScope; clientName: string }) {
  const { t } = useTranslation('accounts');
  const locale = currentLocale();
  const months = useStatementMonths(scope);
  const download = useMutation({ mutationFn: (month: StatementMonthDto) => downloadStatement(month, clientName) });

  if (months.isPending) return <PageLoader />;
  if (months.isError) return <ErrorState error={months.error} onRetry={() => void months.refetch()} title={t('tabs.statements')} />;
  if (months.data.length === 0) return <EmptyState icon="calendar" title={t('statements.empty')} bordered={false} />;
  return (
    <div className="stack stack--sm">
      <p className="muted">{t('statements.lead')}</p>
      <ErrorNotice error={download.error} />
      <ul role="list" className="account-list">
        {months.data.map((m) => {
          const name = longMonth(m.month, locale);
          const busy = download.isPending && download.variables?.month === m.month;
          return (
            <li key={m.month} className="account-row" data-testid="statement-month" data-month={m.month}>
              <div className="account-row__main">
                <p className="account-row__title">
                  <span className="account-row__month">{name}</span>
                  {m.closed ? null : <span className="badge badge--primary">{t('statements.current')}</span>}
                </p>
                <p className="muted account-row__detail">
                  {t('statements.opening')} {formatMoney(m.openingBalanceCents, locale)} · {t('statements.closing')}{' '}
                  <strong>{formatMoney(m.closingBalanceCents, locale)}</strong>
                </p>
              </div>
              <Button size="sm" variant="secondary" onPress={() => download.mutate(m)} isPending={busy} pendingLabel={t('statements.downloading')} aria-label={t('statements.downloadOf', { month: name })}>
                <Icon name="download" size={16} />
                {t('statements.download')}
              </Button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
