import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StatementMonthDto } from '@contracts/accounts';
import { EmptyState, QueryFallback } from '@/components/states';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { longMonth } from '@/features/dashboard/chart-format';
import { downloadStatement, useStatementMonths, type AccountScope } from '@/features/accounts/api/accounts-api';
import { AccountList, AccountRow } from './account-rows';
import '@/features/accounts/accounts-strings';

/** The monthly statements, newest first, each with its opening and closing balance and its PDF. */
export function StatementsPanel({ scope, clientName }: { scope: AccountScope; clientName: string }) {
  const { t } = useTranslation('accounts');
  const locale = currentLocale();
  const months = useStatementMonths(scope);
  const download = useMutation({ mutationFn: (month: StatementMonthDto) => downloadStatement(month, clientName) });

  if (!months.isSuccess) return <QueryFallback query={months} title={t('tabs.statements')} />;
  if (months.data.length === 0) return <EmptyState icon="calendar" title={t('statements.empty')} bordered={false} />;
  return (
    <div className="stack stack--sm">
      <p className="muted">{t('statements.lead')}</p>
      <AccountList error={download.error}>
        {months.data.map((m) => {
          const name = longMonth(m.month, locale);
          return (
            <AccountRow
              key={m.month}
              testId="statement-month"
              month={m.month}
              title={
                <>
                  <span className="capitalize-first">{name}</span>
                  {m.closed ? null : <span className="badge badge--primary">{t('statements.current')}</span>}
                </>
              }
              download={{
                label: t('statements.download'),
                ariaLabel: t('statements.downloadOf', { month: name }),
                pendingLabel: t('statements.downloading'),
                isPending: download.isPending && download.variables?.month === m.month,
                onPress: () => download.mutate(m),
              }}
            >
              <p className="cluster gap-2 muted text-sm user-text">
                {t('statements.opening')} {formatMoney(m.openingBalanceCents, locale)} · {t('statements.closing')}{' '}
                <strong>{formatMoney(m.closingBalanceCents, locale)}</strong>
              </p>
            </AccountRow>
          );
        })}
      </AccountList>
    </div>
  );
}
