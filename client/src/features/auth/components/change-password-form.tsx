import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import '@/features/auth/account-strings';
import { z } from 'zod';
import { ChangePasswordBody } from '@contracts/auth';
import { Button } from '@/components/button';
import { FormTextField } from '@/components/form-fields';
import { ErrorNotice } from '@/components/notice';
import { ApiError } from '@/lib/api-error';
import { formErrorMap } from '@/lib/form-validation';
import { useChangePassword } from '@/features/auth/api/change-password';
import type { Principal } from '@/features/auth/api/get-session';

export const ChangePasswordFormSchema = ChangePasswordBody.extend({ confirmPassword: z.string().min(1, 'required') }).refine(
  (values) => values.newPassword === values.confirmPassword,
  { path: ['confirmPassword'], message: 'passwordsDiffer' },
);
type Values = z.infer<typeof ChangePasswordFormSchema>;

/** Server answers that belong to one field; the rest are shown above the form. */
const FIELD_OF_CODE: Record<string, keyof Values> = {
  CURRENT_PASSWORD_INCORRECT: 'currentPassword',
  PASSWORD_UNCHANGED: 'newPassword',
  PASSWORD_TOO_SHORT: 'newPassword',
  PASSWORD_TOO_LONG: 'newPassword',
  PASSWORD_TOO_COMMON: 'newPassword',
  PASSWORD_CONTAINS_IDENTIFIER: 'newPassword',
};

export function ChangePasswordForm({ forced = false, onChanged }: { forced?: boolean; onChanged?: (principal: Principal) => void }) {
  const { t } = useTranslation('account');
  const change = useChangePassword();
  const form = useForm<Values>({
    resolver: zodResolver(ChangePasswordFormSchema, { error: formErrorMap }),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });

  const submit = form.handleSubmit(({ currentPassword, newPassword }) => {
    if (change.isPending) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: (principal) => {
          form.reset();
          onChanged?.(principal);
        },
        onError: (error) => {
          const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
          if (field) form.setError(field, { message: `api:${(error as ApiError).code}` }, { shouldFocus: true });
        },
      },
    );
  });

  const fieldError = change.error instanceof ApiError && FIELD_OF_CODE[change.error.code];

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorNotice error={change.error && !fieldError ? change.error : null} />
      <FormTextField
        control={form.control}
        name="currentPassword"
        password
        label={forced ? t('changePassword.currentForced') : t('changePassword.current')}
        autoComplete="current-password"
      />
      <FormTextField
        control={form.control}
        name="newPassword"
        password
        label={t('changePassword.new')}
        description={t('changePassword.newHint')}
        autoComplete="new-password"
      />
      <FormTextField control={form.control} name="confirmPassword" password label={t('changePassword.confirm')} autoComplete="new-password" />
      <div>
        <Button type="submit" variant="primary" size={forced ? 'lg' : 'md'} block={forced} isPending={change.isPending} pendingLabel={t('changePassword.submitting')}>
          {t('changePassword.submit')}
        </Button>
      </div>
    </form>
  );
}
