import { useTranslation } from 'react-i18next';
import { Notice } from '@/components/notice';
import { isApiError } from '@/lib/api-error';
import { currentLocale, LOCALE_TAGS } from '@/lib/i18n';
import '@/features/cleaning/cleaning-strings';

interface OpenLog {
  timeLogId: number;
  workerId: number;
  workerName: string;
}

/** The people still clocked in, from a 409 OPEN_TIME_LOGS answer (undefined for any other outcome). */
export function openLogsOf(error: unknown): OpenLog[] | undefined {
  if (!isApiError(error, 'OPEN_TIME_LOGS')) return undefined;
  const details = error.details as { openTimeLogs?: OpenLog[] } | undefined;
  return Array.isArray(details?.openTimeLogs) ? details.openTimeLogs : [];
}

/** Why a completion was refused, naming who is still on site. */
export function OpenLogsRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation('cleaning');
  const logs = openLogsOf(error);
  if (!logs) return null;
  const names = new Intl.ListFormat(LOCALE_TAGS[currentLocale()], { type: 'conjunction' }).format(logs.map((l) => l.workerName));
  return <Notice tone="danger">{t('refused.openLogs', { names, count: logs.length })}</Notice>;
}
