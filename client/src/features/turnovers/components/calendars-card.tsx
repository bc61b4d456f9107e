import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarSyncResultDto } from '@contracts/calendars';
import { ActionMenu } from '@/components/action-menu';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { CheckboxField } from '@/components/fields';
import { ConfirmDialog, FormDialog } from '@/components/dialog';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { QueryView } from '@/components/states';
import { TextInput } from '@/components/text-field';
import { ApiError } from '@/lib/api-error';
import { describeError, useDescribeError } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useAddCalendar, useCalendars, useRemoveCalendar, useSyncCalendar, useUpdateCalendar, type Calendar } from '@/features/turnovers/api/turnovers-api';
import '@/features/turnovers/turnovers-strings';

function AddCalendarDialog({ propertyId, onClose }: { propertyId: number; onClose: () => void }) {
  const { t } = useTranslation('turnovers');
  const add = useAddCalendar(propertyId);
  const [label, setLabel] = useState('');
  const [url, setUrl] = useState('');
  const [includeBlocked, setIncludeBlocked] = useState(false);
  return (
    <FormDialog
      onClose={onClose}
      title={t('calendars.addTitle')}
      description={t('calendars.addLead')}
      onSubmit={() => add.mutate({ label, url, includeBlocked }, { onSuccess: onClose })}
      confirmLabel={t('calendars.add')}
      pendingLabel={t('calendars.adding')}
      isPending={add.isPending}
      error={add.error}
    >
      <TextInput label={t('calendars.label')} description={t('calendars.labelHelp')} value={label} onChange={setLabel} isRequired maxLength={100} />
      <TextInput label={t('calendars.url')} description={t('calendars.urlHelp')} value={url} onChange={setUrl} isRequired type="url" autoCapitalize="none" maxLength={2000} />
      <CheckboxField isSelected={includeBlocked} onChange={setIncludeBlocked} description={t('calendars.includeBlockedHelp')}>
        {t('calendars.includeBlocked')}
      </CheckboxField>
    </FormDialog>
  );
}

function SyncStatus({ calendar }: { calendar: Calendar }) {
  const { t, i18n } = useTranslation('turnovers');
  const locale = currentLocale();
  const reason = calendar.lastError ? describeError(new ApiError(422, calendar.lastError.code, '', ''), i18n).message : null;
  return (
    <div className="cluster text-sm">
      {!calendar.isActive ? (
        <span className="badge">{t('calendars.paused')}</span>
      ) : calendar.lastError ? (
        <span className="badge badge--danger">{t('calendars.error')}</span>
      ) : calendar.lastSuccessAt ? (
        <span className="badge badge--success">{t('calendars.ok')}</span>
      ) : null}
      <span className="muted">{calendar.lastSuccessAt ? t('calendars.lastSync', { when: formatDateTime(calendar.lastSuccessAt, locale, 'short') }) : t('calendars.neverSynced')}</span>
      {calendar.lastError && reason ? (
        <span className="calendar-row__error">
          {calendar.failingSince ? `${t('calendars.failing', { when: formatDateTime(calendar.failingSince, locale, 'short') })} · ` : null}
          {t('calendars.lastError', { when: formatDateTime(calendar.lastError.at, locale, 'short'), reason })}
        </span>
      ) : null}
      {calendar.lastEventCount !== null ? (
        <span className="muted">
          {t('calendars.events', { count: calendar.lastEventCount })}
          {calendar.lastSkippedCount ? ` · ${t('calendars.skipped', { count: calendar.lastSkippedCount })}` : null}
        </span>
      ) : null}
    </div>
  );
}

/** A property's iCal feeds: their last read, "sync now", pause/resume and remove; staff and the owning client alike. */
export function CalendarsCard({ propertyId }: { propertyId: number }) {
  const { t } = useTranslation('turnovers');
  const describe = useDescribeError();
  const calendars = useCalendars(propertyId);
  const sync = useSyncCalendar(propertyId);
  const update = useUpdateCalendar(propertyId);
  const remove = useRemoveCalendar(propertyId);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Calendar | null>(null);
  const [result, setResult] = useState<CalendarSyncResultDto | null>(null);
  const failure = sync.error ?? update.error;

  const onAction = (calendar: Calendar, id: string) => {
    if (id === 'remove') setRemoving(calendar);
    else update.mutate({ id: calendar.id, input: { isActive: id === 'resume', version: calendar.version } });
  };

  return (
    <Card
      id="calendars-title"
      title={t('calendars.title')}
      lead={t('calendars.lead')}
      actions={
        <Button variant="soft" onPress={() => setAdding(true)}>
          <Icon name="plus" size={18} />
          {t('calendars.add')}
        </Button>
      }
    >
      <div aria-live="polite">
        {result ? (
          <Notice tone={result.status === 'failed' ? 'danger' : 'success'}>
            {result.status === 'failed'
              ? t('calendars.syncFailed', { reason: describe(new ApiError(422, result.errorCode ?? 'GENERIC', '', '')).message })
              : result.status === 'not_modified'
                ? t('calendars.notModified')
                : t('calendars.synced', { created: result.created, moved: result.moved, cancelled: result.cancelled })}
          </Notice>
        ) : null}
        <ErrorNotice error={failure} />
      </div>
      <QueryView query={calendars} empty={{ icon: 'calendar', title: t('calendars.none'), text: t('calendars.noneText') }}>
        {(data) => (
          <ul role="list" className="stack gap-3 divided">
            {data.map((calendar) => (
              <li key={calendar.id} className="calendar-row cluster cluster--spread">
                <div className="calendar-row__main stack gap-1">
                  <p className="cluster gap-2 strong">
                    <span translate="no">{calendar.label}</span>
                    <span className="badge" translate="no">
                      {t(`calendars.sources.${calendar.source}`)}
                    </span>
                  </p>
                  <p className="calendar-row__url muted text-sm" translate="no">
                    {calendar.url}
                  </p>
                  <SyncStatus calendar={calendar} />
                </div>
                <div className="cluster gap-1">
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={t('calendars.syncNowOf', { label: calendar.label })}
                    isDisabled={!calendar.isActive}
                    isPending={sync.isPending && sync.variables === calendar.id}
                    pendingLabel={t('calendars.syncing')}
                    onPress={() => {
                      setResult(null);
                      sync.mutate(calendar.id, { onSuccess: setResult });
                    }}
                  >
                    <Icon name="refresh" size={16} />
                    {t('calendars.syncNow')}
                  </Button>
                  <ActionMenu
                    label={t('calendars.actionsOf', { label: calendar.label })}
                    onAction={(id) => onAction(calendar, id)}
                    actions={[
                      { id: 'pause', label: t('calendars.pause'), icon: 'power', isHidden: !calendar.isActive },
                      { id: 'resume', label: t('calendars.resume'), icon: 'play', isHidden: calendar.isActive },
                      { id: 'remove', label: t('calendars.remove'), icon: 'trash', tone: 'danger' },
                    ]}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      {adding ? <AddCalendarDialog propertyId={propertyId} onClose={() => setAdding(false)} /> : null}
      {removing ? (
        <ConfirmDialog
          isOpen
          onOpenChange={(open) => !open && setRemoving(null)}
          title={t('calendars.removeTitle', { label: removing.label })}
          confirmLabel={t('calendars.remove')}
          pendingLabel={t('calendars.removing')}
          isPending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
        >
          <p>{t('calendars.removeText')}</p>
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}
