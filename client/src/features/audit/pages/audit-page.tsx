import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '@/features/audit/audit-strings';
import { AUDIT_ACTOR_TYPES } from '@contracts/audit';
import type { LocaleCode } from '@contracts/auth';
import { DateField } from '@/components/date-fields';
import { Button } from '@/components/button';
import { SelectInput } from '@/components/fields';
import { PageHeader } from '@/components/page-header';
import { Pager } from '@/components/pager';
import { QueryView } from '@/components/states';
import { TableCard } from '@/components/table-card';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useActors } from '@/features/audit/api/list-actors';
import { useAuditLog, type AuditEntry, type AuditFilters } from '@/features/audit/api/list-audit';
import { CODED, fieldName, groupRepeats, valueText } from '@/features/audit/audit-format';
import { AuditTarget, useAuditNames } from '@/features/audit/components/audit-subject';
import '@/features/settings/settings-strings';
import '@/components/kit.css';
import './audit.css';

const ENTITIES = ['client', 'property', 'user', 'setting', 'laundry_order', 'laundry_service', 'cleaning_job', 'cleaning_time_log', 'payment', 'receipt', 'ticket', 'cleaning_job_photo', 'csv'] as const;
const EMPTY: AuditFilters = { entity: '', actorType: '', actorId: '', from: '', to: '', offset: 0 };

function Changes({ entry, locale }: { entry: AuditEntry; locale: LocaleCode }) {
  const { t, i18n } = useTranslation('audit');
  const exists = (key: string, ns: 'audit' | 'settings') => i18n.exists(key, { ns });
  // A reference the entry's subject already names in words (the job, the order, the client) is not repeated as a number.
  const named = new Set([
    ...(entry.subject?.jobId != null ? ['jobId', 'cleaningJobId'] : []),
    ...(entry.subject?.orderId != null ? ['orderId', 'laundryOrderId'] : []),
    ...(entry.subject?.clientId != null ? ['clientId'] : []),
    ...(entry.subject?.propertyId != null ? ['propertyId'] : []),
  ]);
  const fields = entry.changedFields.filter((field) => !named.has(field) || entry.action === 'update');
  if (fields.length === 0) return <span className="muted">—</span>;
  return (
    <ul role="list" className="stack gap-1">
      {fields.map((field) => {
        const hasBefore = entry.before !== null && field in entry.before;
        const hasAfter = entry.after !== null && field in entry.after;
        // A recorded text that is not a code (a district, a description) is data, the same in every language.
        const data = (value: unknown) => (typeof value === 'string' && !CODED.has(field) ? ('no' as const) : undefined);
        return (
          <li key={field}>
            <span className="audit-changes__field strong">{fieldName(field, entry.entity, t, exists)}</span>
            {hasBefore || hasAfter ? (
              <span className="audit-changes__values">
                {hasBefore ? <del translate={data(entry.before![field])}>{valueText(field, entry.before![field], locale, t, exists)}</del> : null}
                {hasBefore && hasAfter ? <span aria-hidden="true"> → </span> : null}
                {hasAfter ? <ins translate={data(entry.after![field])}>{valueText(field, entry.after![field], locale, t, exists)}</ins> : null}
              </span>
            ) : (
              <span className="muted"> {t('nameOnly')}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The activity log: who changed what and when, with the non-personal values before and after. */
export default function AuditPage() {
  const { t } = useTranslation('audit');
  const locale = currentLocale();
  const [filters, setFilters] = useState<AuditFilters>(EMPTY);
  const log = useAuditLog(filters);
  const actors = useActors();
  const set = (patch: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...patch, offset: 0 }));
  const { action: actionName } = useAuditNames();
  const who = (entry: AuditEntry) => {
    if (entry.actor.type === 'system') return t('system');
    if (entry.actor.type === 'anonymous') return t('anonymous');
    const name = <span translate="no">{entry.actor.name ?? `#${entry.actor.id ?? '?'}`}</span>;
    return entry.actor.type === 'client' ? (
      <>
        {name} ({t('clientActor')})
      </>
    ) : (
      name
    );
  };
  const filtered = JSON.stringify({ ...filters, offset: 0 }) !== JSON.stringify(EMPTY);

  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <div className="toolbar" role="search">
        <SelectInput label={t('entity')} value={filters.entity} placeholder={t('allEntities')} options={ENTITIES.map((e) => ({ value: e, label: t(`entities.${e}`) }))} onChange={(entity) => set({ entity })} />
        <SelectInput
          label={t('actorType')}
          value={filters.actorType}
          placeholder={t('anyone')}
          options={AUDIT_ACTOR_TYPES.map((type) => ({ value: type, label: t(`actorTypes.${type}`) }))}
          onChange={(actorType) => set({ actorType: actorType as AuditFilters['actorType'], actorId: '' })}
        />
        {filters.actorType === 'user' ? (
          <SelectInput
            label={t('actor')}
            value={filters.actorId}
            placeholder={t('anyMember')}
            options={(actors.data ?? []).map((a) => ({ value: String(a.id), label: a.name }))}
            onChange={(actorId) => set({ actorId })}
          />
        ) : null}
        <DateField label={t('from')} value={filters.from} onChange={(from) => set({ from })} />
        <DateField label={t('to')} value={filters.to} onChange={(to) => set({ to })} />
        {filtered ? (
          <Button variant="ghost" onPress={() => setFilters(EMPTY)}>
            {t('clear')}
          </Button>
        ) : null}
      </div>

      <QueryView query={log} empty={{ icon: 'history', title: t('emptyTitle'), text: t('emptyText') }}>
        {(data) => (
          <>
            <TableCard
              caption={t('title')}
              className="audit-table"
              columns={[t('when'), t('who'), t('what'), t('changes')]}
            >
              {groupRepeats(data.items, (e) => `${e.actor.type}:${e.actor.id ?? ''}`).map(({ entry, count }) => (
                <tr key={entry.id}>
                  <td className="cell-main" data-label={t('when')}>
                    <time className="num" dateTime={entry.at}>{formatDateTime(entry.at, locale, 'short')}</time>
                  </td>
                  <td data-label={t('who')}>
                    {who(entry)}
                  </td>
                  <td data-label={t('what')}>
                    <div className="cell-primary">
                      <span className="cell-primary__title">
                        {entry.action === 'view_access_instructions' ? t('viewedAccessNotes', { count }) : actionName(entry.action)}
                        {count > 1 && entry.action !== 'view_access_instructions' ? ` · ${t('grouped', { count })}` : ''}
                      </span>
                      <span className="cell-primary__sub">
                        <AuditTarget entity={entry.entity} entityId={entry.entityId} subject={entry.subject} />
                      </span>
                    </div>
                  </td>
                  <td data-label={t('changes')}>
                    <Changes entry={entry} locale={locale} />
                  </td>
                </tr>
              ))}
            </TableCard>
            <Pager meta={data.meta} onOffsetChange={(offset) => setFilters((f) => ({ ...f, offset }))} />
          </>
        )}
      </QueryView>
    </>
  );
}
