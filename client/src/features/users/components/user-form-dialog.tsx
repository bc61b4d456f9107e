import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Locale } from '@contracts/auth';
import { DateOfBirth, Email, Nif, PersonName, StaffRole, Username } from '@contracts/users';
import { FormDateField } from '@/components/date-fields';
import { FormDialog } from '@/components/dialog';
import { FormSelectField } from '@/components/fields';
import { FormTextField } from '@/components/form-fields';
import { SaveProblemNotice, useVersionedForm } from '@/components/version-conflict';
import { blankOr as blank, orNull } from '@/lib/form-resolver';
import { useAssignableRoles } from '@/features/users/api/role-types';
import { useCreateUser, type WithTemporaryPassword } from '@/features/users/api/create-user';
import { getUser } from '@/features/users/api/get-user';
import { useUpdateUser } from '@/features/users/api/update-user';
import type { User } from '@/features/users/api/list-users';

const UserForm = z.object({
  username: Username,
  role: StaffRole,
  name: PersonName,
  email: blank(Email),
  phone: z.string().trim().max(32),
  nif: blank(Nif),
  dateOfBirth: blank(DateOfBirth),
  locale: Locale,
});
type UserValues = z.input<typeof UserForm>;
const FIELDS = Object.keys(UserForm.shape);
const TOKENS = { username: 'format:username', email: 'format:email', phone: 'format:phone', nif: 'format:nif', dateOfBirth: 'format:date' };

/** A new account starts as a worker. */
function valuesOf(user: User | null): UserValues {
  return {
    username: user?.username ?? '',
    role: user?.role ?? 'worker',
    name: user?.name ?? '',
    email: user?.email ?? '',
    phone: user?.phone ?? '',
    nif: user?.nif ?? '',
    dateOfBirth: user?.dateOfBirth ?? '',
    locale: user?.locale ?? 'pt',
  };
}

/** Create a team account, or edit one (sending the version it was read at). */
export function UserFormDialog({
  user,
  onClose,
  onCreated,
}: {
  /** null: a new account. */
  user: User | null;
  onClose: () => void;
  onCreated: (result: WithTemporaryPassword) => void;
}) {
  const { t } = useTranslation('users');
  const roles = useAssignableRoles();
  const create = useCreateUser();
  const update = useUpdateUser();
  const assignable = roles.data ?? [];
  const mutation = user ? update : create;
  const { form, base, conflict, generalError, clearError, fail, reload, reloading } = useVersionedForm({
    record: user,
    schema: UserForm,
    tokens: TOKENS,
    fields: FIELDS,
    valuesOf,
    mutationError: mutation.error,
    fetchFresh: (current) => getUser(current.id),
    resetSave: update.reset,
  });
  // The master's role never changes; a role the caller may not give is shown but cannot be chosen.
  const roleLocked = base?.role === 'master' || (base !== null && !assignable.includes(base.role));
  const roleOptions = (roleLocked && base ? [base.role] : assignable).map((role) => ({ value: role, label: t(`roles.${role}`, { ns: 'translation' }) }));

  const submit = form.handleSubmit((values) => {
    clearError();
    if (!base) {
      create.mutate(
        {
          username: values.username,
          role: values.role,
          name: values.name,
          email: orNull(values.email),
          phone: orNull(values.phone),
          nif: orNull(values.nif),
          dateOfBirth: orNull(values.dateOfBirth),
          locale: values.locale,
        },
        { onSuccess: onCreated, onError: fail },
      );
      return;
    }
    const dirty = form.formState.dirtyFields;
    const changes = Object.fromEntries(
      (Object.keys(dirty) as (keyof UserValues)[])
        .filter((key) => dirty[key] && !(key === 'role' && roleLocked))
        .map((key) => [key, ['email', 'phone', 'nif', 'dateOfBirth'].includes(key) ? orNull(values[key]) : values[key]]),
    );
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate({ id: base.id, input: { version: base.version, ...changes } }, { onSuccess: onClose, onError: fail });
  });

  return (
    <FormDialog
      onClose={onClose}
      title={base ? t('editTitle') : t('createTitle')}
      description={base ? undefined : t('createLead')}
      size="lg"
      onSubmit={submit}
      confirmLabel={base ? t('save', { ns: 'ui' }) : t('create')}
      pendingLabel={base ? t('saving', { ns: 'ui' }) : t('creating')}
      isPending={mutation.isPending}
      isDisabled={conflict}
    >
      <SaveProblemNotice conflict={conflict} message={t('conflict')} reloadLabel={t('reloadAccount')} onReload={reload} isReloading={reloading} error={generalError} />
      <div className="form-grid">
        <FormTextField control={form.control} name="name" label={t('name')} autoComplete="off" />
        <FormTextField control={form.control} name="username" label={t('username')} autoComplete="off" autoCapitalize="none" spellCheck="false" />
        <FormSelectField
          control={form.control}
          name="role"
          label={t('role')}
          options={roleOptions}
          isDisabled={roleLocked}
          description={form.watch('role') === 'admin' ? t('roleAdminHelp') : form.watch('role') === 'worker' ? t('roleWorkerHelp') : undefined}
        />
        <FormSelectField
          control={form.control}
          name="locale"
          label={t('language')}
          options={[
            { value: 'pt', label: t('language.pt', { ns: 'translation' }) },
            { value: 'en', label: t('language.en', { ns: 'translation' }) },
          ]}
        />
        <FormTextField control={form.control} name="email" label={`${t('email')} (${t('optional', { ns: 'ui' })})`} type="email" inputMode="email" autoComplete="off" />
        <FormTextField control={form.control} name="phone" label={`${t('phone')} (${t('optional', { ns: 'ui' })})`} type="tel" inputMode="tel" autoComplete="off" />
        <FormTextField control={form.control} name="nif" label={`${t('nif')} (${t('optional', { ns: 'ui' })})`} inputMode="numeric" autoComplete="off" />
        <FormDateField control={form.control} name="dateOfBirth" label={`${t('dateOfBirth')} (${t('optional', { ns: 'ui' })})`} />
      </div>
    </FormDialog>
  );
}
