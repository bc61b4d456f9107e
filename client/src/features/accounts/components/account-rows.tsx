import type { ReactNode } from 'react';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { ErrorNotice } from '@/components/notice';

/** The rows of an account tab (payments, receipts, statements): the last download's failure above them, `footer` (a pager) below. */
export function AccountList({ error, children, footer }: { error?: unknown; children: ReactNode; footer?: ReactNode }) {
  return (
    <>
      <ErrorNotice error={error} />
      <ul role="list" className="stack gap-2">
        {children}
      </ul>
      {footer}
    </>
  );
}

/**
 * One row of an account tab: its title line, the detail lines under it and, when it has a PDF, the button
 * that downloads it (named for the row it belongs to).
 */
export function AccountRow({
  testId,
  month,
  voided,
  title,
  children,
  download,
}: {
  testId: string;
  month?: string;
  voided?: boolean;
  title: ReactNode;
  children: ReactNode;
  download?: { label: string; ariaLabel: string; pendingLabel?: string; isPending: boolean; onPress: () => void };
}) {
  return (
    <li className={`tile account-row cluster cluster--spread${voided ? ' account-row--voided' : ''}`} data-testid={testId} data-month={month}>
      <div className="account-row__main">
        <p className="cluster gap-2 strong">{title}</p>
        {children}
      </div>
      {download ? (
        <Button size="sm" variant="secondary" onPress={download.onPress} isPending={download.isPending} pendingLabel={download.pendingLabel} aria-label={download.ariaLabel}>
          <Icon name="download" size={16} />
          {download.label}
        </Button>
      ) : null}
    </li>
  );
}
