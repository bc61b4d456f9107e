import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UpdateBusinessBody } from '@contracts/business';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { FileInput } from '@/components/file-picker';
import { TextAreaInput } from '@/components/form-controls';
import { Notice } from '@/components/notice';
import '@/components/ui-strings';
import { QueryFallback } from '@/components/states';
import { TextInput } from '@/components/text-field';
import { SaveProblemNotice } from '@/components/version-conflict';
import { isApiError } from '@/lib/api-error';
import { formErrorMap, issuesByField, validationMessage } from '@/lib/form-validation';
import { useBusinessDetails, useRemoveLogo, useUpdateBusiness, useUploadLogo, type Business } from '@/features/settings/api/business';
import { formatPhone } from '@/lib/format';

type Draft = { name: string; legalName: string; nif: string; address: string; phone: string; email: string };
const FIELDS = ['name', 'legalName', 'nif', 'phone', 'email', 'address'] as const;
/** Fields whose invalid value has a "what it should look like" message. */
const FORMATS: Partial<Record<keyof Draft, 'nif' | 'phone' | 'email'>> = { nif: 'nif', phone: 'phone', email: 'email' };

const draftOf = (b: Business): Draft => ({ name: b.name, legalName: b.legalName, nif: b.nif, address: b.address, phone: b.phone ? formatPhone(b.phone) : '', email: b.email });

/**
 * Settings → Business: the one place the name, legal name, NIF, address, phone, e-mail and logo are
 * kept (the landing page, receipts, statements, e-mails and the app manifest read them). The owner
 * edits; managers read.
 */
export function BusinessSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('settings');
  const { t: tt } = useTranslation();
  const details = useBusinessDetails();
  const update = useUpdateBusiness();
  const upload = useUploadLogo();
  const remove = useRemoveLogo();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (details.data) setDraft(draftOf(details.data));
  }, [details.data]);

  if (!details.isSuccess) return <QueryFallback query={details} />;
  const business = details.data;
  const form = draft ?? draftOf(business);

  const messageFor = (field: keyof Draft, token: string) => {
    const format = FORMATS[field];
    if (format && !/^(required|tooShort|tooLong)/.test(token)) return tt(`formats.${format}`, { ns: 'ui' });
    return validationMessage(token, tt) ?? '';
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const parsed = UpdateBusinessBody.safeParse({ ...form, version: business.version }, { error: formErrorMap });
    if (!parsed.success) {
      const byField = issuesByField(parsed.error.issues);
      setErrors(Object.fromEntries(FIELDS.filter((f) => byField[f]).map((f) => [f, messageFor(f, byField[f]!)])));
      return;
    }
    setErrors({});
    update.mutate(parsed.data, {
      onSuccess: () => setSaved(true),
      onError: (error) => {
        // The server's field verdicts (a phone it cannot read) go next to the field.
        const issues = isApiError(error, 'VALIDATION_FAILED') ? ((error.details as Array<{ path?: string }> | undefined) ?? []) : [];
        const fields = FIELDS.filter((f) => issues.some((i) => i.path === `body.${f}`));
        if (fields.length > 0) setErrors(Object.fromEntries(fields.map((f) => [f, messageFor(f, 'invalid')])));
      },
    });
  };

  const change = (field: keyof Draft) => (value: string) => {
    setSaved(false);
    setDraft({ ...form, [field]: value });
  };

  const conflict = [update.error, upload.error, remove.error].some((e) => isApiError(e, 'VERSION_CONFLICT'));
  const failure = [update.error, upload.error, remove.error].find((e) => e && !isApiError(e, 'VERSION_CONFLICT') && !(e === update.error && Object.keys(errors).length > 0));

  return (
    <Card id="settings-business" title={t('business.title')} lead={t('business.lead')}>
      {canEdit ? (
        <form className="stack" onSubmit={submit} noValidate>
          <div className="form-grid">
            <TextInput label={t('business.name')} description={t('business.nameHelp')} value={form.name} onChange={change('name')} errorMessage={errors.name} isRequired autoComplete="organization" />
            <TextInput label={t('business.legalName')} description={t('business.legalNameHelp')} value={form.legalName} onChange={change('legalName')} errorMessage={errors.legalName} autoComplete="off" />
            <TextInput label={t('business.nif')} description={t('business.nifHelp')} value={form.nif} onChange={change('nif')} errorMessage={errors.nif} inputMode="numeric" autoComplete="off" />
            <TextInput label={t('business.phone')} value={form.phone} onChange={change('phone')} errorMessage={errors.phone} type="tel" autoComplete="tel" />
            <TextInput label={t('business.email')} value={form.email} onChange={change('email')} errorMessage={errors.email} type="email" autoComplete="email" autoCapitalize="none" />
            <div className="form-grid__wide">
              <TextAreaInput label={t('business.address')} description={t('business.addressHelp')} value={form.address} onChange={change('address')} errorMessage={errors.address} rows={3} />
            </div>
          </div>
          <div className="settings__logo stack gap-3">
            {business.logoUrl ? <img src={business.logoUrl} alt={t('business.logoAlt')} className="settings__logo-image" /> : <p className="muted">{t('business.noLogo')}</p>}
            <FileInput
              label={t('business.logo')}
              description={t('business.logoHelp')}
              accept="image/png,image/jpeg"
              clearAfterPick
              isDisabled={upload.isPending}
              onChange={(file) => {
                if (file) upload.mutate({ file, version: business.version });
              }}
            />
            {business.logoUrl ? (
              <div>
                <Button variant="ghost" size="sm" isPending={remove.isPending} onPress={() => remove.mutate(business.version)}>
                  {t('business.removeLogo')}
                </Button>
              </div>
            ) : null}
          </div>
          <SaveProblemNotice
            conflict={conflict}
            message={t('conflict')}
            reloadLabel={t('reload')}
            onReload={() => (update.reset(), upload.reset(), remove.reset(), setDraft(null), void details.refetch())}
            error={failure}
          />
          {saved ? <Notice tone="success">{t('business.saved')}</Notice> : null}
          <div className="cluster">
            <Button type="submit" variant="primary" isPending={update.isPending || upload.isPending} pendingLabel={upload.isPending ? t('business.uploading') : t('saving')} isDisabled={conflict}>
              {t('business.save')}
            </Button>
          </div>
        </form>
      ) : (
        <dl className="facts">
          {FIELDS.map((field) => (
            <div key={field}>
              <dt>{t(`business.${field}`)}</dt>
              <dd className="user-text" translate="no">{(field === 'phone' && business.phone ? formatPhone(business.phone) : business[field]) || '—'}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
