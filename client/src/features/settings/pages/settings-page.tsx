import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';
import '@/features/settings/settings-strings';
import { SETTINGS, type SettingKey, type UpdateSettingsInput } from '@contracts/settings';
import type { LocaleCode } from '@contracts/auth';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { CheckboxField } from '@/components/fields';
import { Icon } from '@/components/icon';
import { Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { QueryFallback } from '@/components/states';
import { TextInput } from '@/components/text-field';
import { SaveProblemNotice } from '@/components/version-conflict';
import { isApiError } from '@/lib/api-error';
import { formatMoney, formatPercent } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { usePrincipal } from '@/features/auth/api/get-session';
import { useSettings, type Setting } from '@/features/settings/api/get-settings';
import { useUpdateSettings } from '@/features/settings/api/update-settings';
import { BusinessSection } from '@/features/settings/components/business-section';
import { basisPointsToInput, centsToInput, eurosToCents, percentToBasisPoints } from '@/features/settings/money-input';
import '@/components/kit.css';
import './settings.css';

type Kind = 'euros' | 'percent' | 'integer' | 'days' | 'boolean' | 'text' | 'multiline';

const KINDS: Partial<Record<string, Kind>> = {
  vatRateBasisPoints: 'percent',
  deliveryFeeCents: 'euros',
  cleaningHourlyRateCents: 'euros',
  reminderDays: 'days',
};

type GroupId = 'pricing' | 'cleaning' | 'reminders' | 'company' | 'other';

const GROUPS: { id: Exclude<GroupId, 'other'>; keys: SettingKey[] }[] = [
  { id: 'pricing', keys: ['vatRateBasisPoints', 'deliveryFeeCents', 'cleaningHourlyRateCents'] },
  { id: 'cleaning', keys: ['billingIncrementMinutes', 'cleaningMaxShiftHours', 'offlineTapWindowHours', 'earliestStartHours', 'accessInstructionsLeadHours', 'recurrenceHorizonWeeks', 'maxPhotosPerJob', 'maxPhotosPerUserPerDay', 'requireAfterPhoto', 'calendarSyncMinutes', 'reportLinkDays'] },
  { id: 'reminders', keys: ['reminderDays'] },
  { id: 'company', keys: ['companyIban'] },
];
const grouped = new Set<string>(GROUPS.flatMap((g) => g.keys));

function kindOf(setting: Setting): Kind {
  const kind = KINDS[setting.key];
  if (kind) return kind;
  if (typeof setting.defaultValue === 'boolean') return 'boolean';
  return typeof setting.defaultValue === 'number' ? 'integer' : 'text';
}

/** The value as the input shows it. */
function toInput(setting: Setting, value: unknown, locale: LocaleCode): string {
  const kind = kindOf(setting);
  if (kind === 'euros') return centsToInput(Number(value), locale);
  if (kind === 'percent') return basisPointsToInput(Number(value), locale);
  if (kind === 'days') return Array.isArray(value) ? value.join(', ') : '';
  return String(value ?? '');
}

/** The value as it reads on the read-only page and in "Default: …". */
function toDisplay(setting: Setting, value: unknown, locale: LocaleCode): string {
  const kind = kindOf(setting);
  if (kind === 'euros') return formatMoney(Number(value), locale);
  if (kind === 'percent') return formatPercent(Number(value), locale);
  if (kind === 'boolean') return value === true ? '✓' : '✗';
  if (kind === 'days') return Array.isArray(value) && value.length > 0 ? value.join(', ') : '—';
  return String(value ?? '') || '—';
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function useParse() {
  const { t } = useTranslation('settings');
  return (setting: Setting, text: string): Parsed => {
    const kind = kindOf(setting);
    const schema = (SETTINGS as Record<string, { schema: { safeParse: (v: unknown) => { success: boolean; data?: unknown } } } | undefined>)[setting.key]?.schema;
    let value: unknown = text;
    if (kind === 'euros') value = eurosToCents(text);
    else if (kind === 'percent') value = percentToBasisPoints(text);
    else if (kind === 'integer') value = /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : null;
    else if (kind === 'days') value = /^[\d\s,;]*$/.test(text) ? text.split(/[\s,;]+/).filter(Boolean).map(Number) : null;
    else if (kind === 'boolean') value = text === 'true';
    const result = value === null ? { success: false } : (schema?.safeParse(value) ?? { success: true, data: value });
    if (result.success) return { ok: true, value: result.data };
    if (kind === 'euros') return { ok: false, message: t('euros') };
    if (kind === 'percent') return { ok: false, message: t('percent') };
    if (kind === 'days') return { ok: false, message: t('days') };
    if (kind === 'integer') {
      const bounds = schema as unknown as { minValue?: number | null; maxValue?: number | null } | undefined;
      return { ok: false, message: t('wholeNumber', { min: bounds?.minValue ?? 0, max: bounds?.maxValue ?? '…' }) };
    }
    if (setting.key === 'companyIban') return { ok: false, message: t('formats.iban', { ns: 'ui' }) };
    return { ok: false, message: text.trim() === '' ? t('notEmpty') : t('validation.invalid', { ns: 'translation' }) };
  };
}

function SettingField({ setting, value, error, onChange, locale }: { setting: Setting; value: string; error?: string; onChange: (text: string) => void; locale: LocaleCode }) {
  const { t } = useTranslation('settings');
  // Every setting has its words in both languages (settings-strings is typed by the server's keys).
  const label = t(`labels.${setting.key}`);
  const help = t(`help.${setting.key}`);
  const description = setting.isDefault ? help : `${help} ${t('defaultValue', { value: toDisplay(setting, setting.defaultValue, locale) })}`;
  const kind = kindOf(setting);
  if (kind === 'boolean') {
    return (
      <div className="form-grid__wide">
        <CheckboxField isSelected={value === 'true'} onChange={(selected) => onChange(String(selected))} description={description}>
          {label}
        </CheckboxField>
      </div>
    );
  }
  if (kind === 'multiline') {
    return (
      <TextField value={value} onChange={onChange} isInvalid={Boolean(error)} validationBehavior="aria" className="field form-grid__wide">
        <Label className="field__label">{label}</Label>
        <TextArea rows={3} className="field__input field__textarea" />
        <Text slot="description" className="muted text-sm">
          {description}
        </Text>
        <FieldError className="field__error">
          <Icon name="alertCircle" size={16} />
          <span>{error}</span>
        </FieldError>
      </TextField>
    );
  }
  return (
    <TextInput
      label={label}
      value={value}
      onChange={onChange}
      description={description}
      errorMessage={error}
      inputMode={kind === 'text' || kind === 'days' ? undefined : kind === 'integer' ? 'numeric' : 'decimal'}
      autoComplete="off"
    />
  );
}

/** Settings: the owner edits (€ and % as people write them; cents and basis points to the API); managers read. */
export default function SettingsPage() {
  const { t } = useTranslation('settings');
  const principal = usePrincipal();
  const locale = currentLocale();
  const settings = useSettings();
  const update = useUpdateSettings();
  const parse = useParse();
  const canEdit = principal.role === 'master';
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  const byKey = useMemo(() => new Map((settings.data ?? []).map((s) => [s.key as string, s])), [settings.data]);
  const initial = useMemo(() => Object.fromEntries((settings.data ?? []).map((s) => [s.key, toInput(s, s.value, locale)])), [settings.data, locale]);
  useEffect(() => {
    setDraft(initial);
    setErrors({});
  }, [initial]);

  if (!settings.isSuccess) return <QueryFallback query={settings} />;

  const changed = Object.keys(draft).filter((key) => draft[key] !== initial[key]);
  const conflict = isApiError(update.error, 'VERSION_CONFLICT');
  const failure = conflict ? null : update.error;
  const groups = [...GROUPS, { id: 'other' as const, keys: settings.data.map((s) => s.key).filter((k) => !grouped.has(k)) }].filter((g) => g.keys.some((k) => byKey.has(k)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const nextErrors: Record<string, string> = {};
    const body: Record<string, { value: unknown; version: number }> = {};
    for (const key of changed) {
      const setting = byKey.get(key)!;
      const parsed = parse(setting, draft[key] ?? '');
      if (parsed.ok) body[key] = { value: parsed.value, version: setting.version };
      else nextErrors[key] = parsed.message;
    }
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) return;
    if (changed.length === 0) return;
    update.mutate(body as UpdateSettingsInput, { onSuccess: () => setSaved(true) });
  };

  const reload = () => {
    update.reset();
    void settings.refetch();
  };

  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <div className="stack">
        {canEdit ? null : <Notice tone="info">{t('readOnly')}</Notice>}
        <BusinessSection canEdit={canEdit} />
      <form className="stack" onSubmit={submit} noValidate>
        {groups.map((group) => (
          <Card key={group.id} id={`settings-${group.id}`} title={t(group.id)}>
            {canEdit ? (
              <div className="form-grid">
                {group.keys.map((key) => {
                  const setting = byKey.get(key);
                  return setting ? (
                    <SettingField
                      key={key}
                      setting={setting}
                      locale={locale}
                      value={draft[key] ?? ''}
                      error={errors[key]}
                      onChange={(text) => {
                        setSaved(false);
                        setDraft((d) => ({ ...d, [key]: text }));
                      }}
                    />
                  ) : null;
                })}
              </div>
            ) : (
              <dl className="facts">
                {group.keys.map((key) => {
                  const setting = byKey.get(key);
                  if (!setting) return null;
                  return (
                    <div key={key}>
                      <dt>{t(`labels.${key}`)}</dt>
                      <dd className="user-text" translate={kindOf(setting) === 'text' || kindOf(setting) === 'multiline' ? 'no' : undefined}>
                        {toDisplay(setting, setting.value, locale)}
                      </dd>
                    </div>
                  );
                })}
              </dl>
            )}
          </Card>
        ))}
        {canEdit ? (
          <div className={`settings__bar card stack gap-3${changed.length > 0 || conflict || failure ? ' settings__bar--pinned' : ''}`}>
            <SaveProblemNotice conflict={conflict} message={t('conflict')} reloadLabel={t('reload')} onReload={reload} error={failure} />
            {saved && changed.length === 0 ? <Notice tone="success">{t('saved')}</Notice> : null}
            <div className="cluster">
              <Button type="submit" variant="primary" isPending={update.isPending} pendingLabel={t('saving')} isDisabled={changed.length === 0 || conflict}>
                {t('save')}
              </Button>
              {changed.length > 0 ? (
                <Button variant="ghost" onPress={() => (setDraft(initial), setErrors({}))}>
                  {t('discard')}
                </Button>
              ) : (
                <span className="muted">{t('noChanges')}</span>
              )}
            </div>
          </div>
        ) : null}
      </form>
      </div>
    </>
  );
}
