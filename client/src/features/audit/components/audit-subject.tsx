import { useTranslation } from 'react-i18next';
import type { AuditSubjectDto } from '@contracts/audit';
import { formatDate } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import '@/features/audit/audit-strings';
import { humanize } from '@/features/audit/audit-format';

/**
 * What an activity entry is about, as a person names it: "House cleaning at Alfama Loft on 22/06/2026
 * (Joana Anfitriã)", "Order LDR-2026-0042 (Joana Anfitriã)". Names and numbers are data (translate="no");
 * null when the server named nothing (a setting, an export).
 */
export function AuditSubject({ subject }: { subject: AuditSubjectDto | null | undefined }) {
  const { t } = useTranslation('audit');
  const locale = currentLocale();
  if (!subject) return null;
  const client = subject.clientName ? (
    <>
      {' '}
      (<span translate="no">{subject.clientName}</span>)
    </>
  ) : null;
  if (subject.jobId !== null && subject.jobType && subject.propertyName) {
    return (
      <span className="audit-subject">
        {t(`subject.${subject.jobType}`)} {t('subject.at')} <span translate="no">{subject.propertyName}</span>
        {subject.jobDate ? (
          <>
            {' '}
            {t('subject.on')} <span translate="no">{formatDate(subject.jobDate, locale)}</span>
          </>
        ) : null}
        {client}
      </span>
    );
  }
  if (subject.orderNumber) {
    return (
      <span className="audit-subject">
        {t('subject.order')} <span translate="no">{subject.orderNumber}</span>
        {client}
      </span>
    );
  }
  if (subject.propertyName) {
    return (
      <span className="audit-subject">
        <span translate="no">{subject.propertyName}</span>
        {client}
      </span>
    );
  }
  if (subject.clientName) {
    return (
      <span className="audit-subject" translate="no">
        {subject.clientName}
      </span>
    );
  }
  return null;
}

/** Whether the server named what the entry is about. */
export const hasSubject = (subject: AuditSubjectDto | null | undefined) =>
  Boolean(subject && ((subject.jobId !== null && subject.propertyName) || subject.orderNumber || subject.propertyName || subject.clientName));

/** The activity log's names of records and actions, in words for one the screens have no name for yet. */
export function useAuditNames() {
  const { t, i18n } = useTranslation('audit');
  const name = (group: 'entities' | 'actions', key: string): string =>
    i18n.exists(`${group}.${key}`, { ns: 'audit' }) ? t(`${group}.${key}` as never) : humanize(key);
  return { entity: (entity: string) => name('entities', entity), action: (action: string) => name('actions', action) };
}

/** The record an entry is about: its kind, then what the server named it ("— Order LDR-…") or else its number. */
export function AuditTarget({ entity, entityId, subject }: { entity: string; entityId: number | string | null | undefined; subject: AuditSubjectDto | null | undefined }) {
  const names = useAuditNames();
  return (
    <>
      {names.entity(entity)}
      {hasSubject(subject) ? (
        <>
          {' — '}
          <AuditSubject subject={subject} />
        </>
      ) : entityId ? (
        <span translate="no"> #{entityId}</span>
      ) : null}
    </>
  );
}
