import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import type { Thread } from '@/features/conversations/api/keys';
import '@/features/conversations/conversations-strings';

/** "Order LAV-…", "Cleaning on 12 Mar 2026", "Request no. 5". */
export function useSubjectTitle() {
  const { t } = useTranslation('conversations');
  const locale = currentLocale();
  return (thread: Pick<Thread, 'subject' | 'reference'>) =>
    thread.subject === 'cleaning_job'
      ? t('subject.cleaning_job', { date: formatDate(thread.reference, locale) })
      : t(`subject.${thread.subject}`, { reference: thread.reference });
}
