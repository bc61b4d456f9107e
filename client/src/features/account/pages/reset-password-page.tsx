import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import '@/features/account/self-service-strings';
import { Button, ButtonLink } from '@/components/button';
import { FormTextField } from '@/components/form-fields';
import { Icon } from '@/components/icon';
import { ErrorNotice } from '@/components/notice';
import { SingleCardHeading, SingleCardPage } from '@/components/single-card-page';
import { useDocumentTitle } from '@/components/page-header';
import { isApiError } from '@/lib/api-error';
import { formErrorMap } from '@/lib/form-validation';
import { useResetPassword } from '@/features/account/api/reset-password';
import { BackLink } from '@/components/back-link';

const ResetForm = z
  .object({ newPassword: z.string().min(1), confirmPassword: z.string().min(1) })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'passwordsDiffer' });
type ResetValues = z.infer<typeof ResetForm>;
const PASSWORD_CODES = new Set(['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG', 'PASSWORD_TOO_COMMON', 'PASSWORD_CONTAINS_IDENTIFIER']);

/**
 * The token travels in the fragment (`#token=…`), which browsers never send to a server. It is read
 * once and removed from the address bar, so it does not linger in history or a shared screenshot.
 */
function readToken(): string | null {
  return /(?:^#|&)token=([A-Za-z0-9_-]{20,100})(?:&|$)/.exec(window.location.hash)?.[1] ?? null;
}

/** A reset link (e-mailed, or handed over by staff) opens here: choose a new password, then sign in. */
export default function ResetPasswordPage() {
  const { t } = useTranslation('selfService');
  useDocumentTitle(t('resetTitle'));
  const [token, setToken] = useState(readToken);
  // Also when a second link is opened in the same tab (only the fragment changes, the page stays).
  useEffect(() => {
    const take = () => {
      const found = readToken();
      if (found) setToken(found);
      if (window.location.hash) window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
    };
    take();
    window.addEventListener('hashchange', take);
    return () => window.removeEventListener('hashchange', take);
  }, []);
  const reset = useResetPassword();
  const form = useForm<ResetValues>({ resolver: zodResolver(ResetForm, { error: formErrorMap }), defaultValues: { newPassword: '', confirmPassword: '' } });
  const fieldCode = isApiError(reset.error) && PASSWORD_CODES.has(reset.error.code);

  const submit = form.handleSubmit(({ newPassword }) => {
    if (!token || reset.isPending) return;
    reset.mutate(
      { token, newPassword },
      {
        onError: (error) => {
          if (isApiError(error) && PASSWORD_CODES.has(error.code)) form.setError('newPassword', { message: `api:${error.code}` }, { shouldFocus: true });
        },
      },
    );
  });

  let content;
  if (reset.isSuccess) {
    content = (
      <>
        <SingleCardHeading icon="checkCircle" title={t('resetDoneTitle')} lead={t('resetDoneText')} />
        <ButtonLink href="/" variant="primary" size="lg" block>
          {t('signIn')}
          <Icon name="arrowRight" size={18} />
        </ButtonLink>
      </>
    );
  } else if (!token) {
    content = (
      <>
        <SingleCardHeading icon="alertCircle" title={t('noTokenTitle')} lead={t('noTokenText')} />
        <ButtonLink href="/forgot-password" variant="primary" block>
          {t('askAgain')}
        </ButtonLink>
      </>
    );
  } else {
    content = (
      <>
        <SingleCardHeading icon="lock" title={t('resetTitle')} lead={t('resetLead')} />
        <form className="form" onSubmit={(event) => void submit(event)} noValidate>
          <ErrorNotice error={reset.error && !fieldCode ? reset.error : null} />
          <FormTextField control={form.control} name="newPassword" password label={t('newPassword')} description={t('newPasswordHint')} autoComplete="new-password" />
          <FormTextField control={form.control} name="confirmPassword" password label={t('confirmPassword')} autoComplete="new-password" />
          <Button type="submit" variant="primary" size="lg" block isPending={reset.isPending} pendingLabel={t('saving')}>
            {t('resetSubmit')}
          </Button>
        </form>
      </>
    );
  }

  return (
    <SingleCardPage languages footer={reset.isSuccess ? null : <BackLink to="/">{t('backToSignIn')}</BackLink>}>
      {content}
    </SingleCardPage>
  );
}
