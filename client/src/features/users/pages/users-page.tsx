import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '@/features/users/users-strings';
import { ActionMenu, RowAction } from '@/components/action-menu';
import { Button } from '@/components/button';
import { ConfirmDialog, DialogActions, ModalDialog } from '@/components/dialog';
import { ActiveSelect, SelectInput } from '@/components/fields';
import { Icon } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { SearchInput } from '@/components/search-input';
import { SecretReveal } from '@/components/secret-reveal';
import { ErrorState } from '@/components/states';
import { PagedTableCard } from '@/components/table-card';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { usePrincipal } from '@/features/auth/api/get-session';
import { useUsers, type User, type UserFilters } from '@/features/users/api/list-users';
import { useSetUserActive } from '@/features/users/api/set-user-active';
import { useResetUserPassword } from '@/features/users/api/reset-user-password';
import type { WithTemporaryPassword } from '@/features/users/api/create-user';
import { UserFormDialog } from '@/features/users/components/user-form-dialog';
import '@/components/kit.css';

type Dialog =
  | { kind: 'form'; user: User | null }
  | { kind: 'secret'; title: string; lead: string; password: string }
  | { kind: 'reset'; user: User }
  | { kind: 'deactivate'; user: User }
  | null;

function StatusBadge({ user }: { user: User }) {
  const { t } = useTranslation('users');
  if (!user.isActive) return <span className="badge badge--danger">{t('inactive', { ns: 'ui' })}</span>;
  if (user.mustChangePassword) return <span className="badge badge--warning">{t('mustChange')}</span>;
  return <span className="badge badge--success">{t('active', { ns: 'ui' })}</span>;
}

/** Team accounts: list with search, role and status filters; create, edit, deactivate, reset. */
export default function UsersPage() {
  const { t } = useTranslation('users');
  const principal = usePrincipal();
  const locale = currentLocale();
  const [filters, setFilters] = useState<UserFilters>({ search: '', role: '', active: 'true', offset: 0 });
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useUsers(filters);
  const setActive = useSetUserActive();
  const reset = useResetUserPassword();
  const onSearch = useCallback((search: string) => setFilters((f) => ({ ...f, search, offset: 0 })), []);
  const close = () => {
    setDialog(null);
    setActive.reset();
    reset.reset();
  };

  const showSecret = (result: WithTemporaryPassword, fresh: boolean) =>
    setDialog({
      kind: 'secret',
      title: fresh ? t('createdTitle') : t('resetDoneTitle'),
      lead: t(fresh ? 'createdLead' : 'resetDoneLead', { name: result.user.name, username: result.user.username }),
      password: result.temporaryPassword,
    });

  const onAction = (user: User, action: string) => {
    if (action === 'edit') setDialog({ kind: 'form', user });
    if (action === 'reset') setDialog({ kind: 'reset', user });
    if (action === 'deactivate') setDialog({ kind: 'deactivate', user });
    if (action === 'reactivate') setActive.mutate({ id: user.id, active: true });
  };

  const roleOptions = (['master', 'admin', 'worker'] as const)
    .filter((role) => principal.role === 'master' || role === 'worker')
    .map((role) => ({ value: role, label: t(`roles.${role}`, { ns: 'translation' }) }));

  return (
    <>
      <PageHeader
        title={t('title')}
        lead={principal.role === 'master' ? t('lead') : t('leadAdmin')}
        actions={
          <Button variant="primary" onPress={() => setDialog({ kind: 'form', user: null })}>
            <Icon name="plus" size={18} />
            {t('add')}
          </Button>
        }
      />
      <div className="toolbar" role="search">
        <SearchInput label={t('searchLabel')} placeholder={t('searchPlaceholder')} value={filters.search} onChange={onSearch} />
        {roleOptions.length > 1 ? (
          <SelectInput label={t('roleFilter')} value={filters.role} placeholder={t('allRoles')} options={roleOptions} onChange={(role) => setFilters((f) => ({ ...f, role: role as UserFilters['role'], offset: 0 }))} />
        ) : null}
        <ActiveSelect label={t('statusFilter')} value={filters.active} onChange={(active) => setFilters((f) => ({ ...f, active, offset: 0 }))} />
      </div>

      {setActive.error && !dialog ? <ErrorState error={setActive.error} onRetry={() => setActive.reset()} /> : null}

      <PagedTableCard
        query={users}
        empty={{ icon: 'users', title: t('emptyTitle'), text: t('emptyText') }}
        caption={t('title')}
        columns={[
          t('name'),
          t('role'),
          t('status'),
          t('lastLogin'),
          { label: <span className="visually-hidden">{t('actions', { ns: 'ui' })}</span>, className: 'cell-actions' },
        ]}
        row={(user) => {
          const self = user.id === principal.id && principal.type === 'user';
          const protectedAccount = self || user.role === 'master';
          return (
            <tr key={user.id}>
              <td className="cell-main" data-label={t('name')}>
                <div className="cell-primary">
                  <span className="cell-primary__title">
                    <span translate="no">{user.name}</span> {self ? <span className="badge badge--primary">{t('you')}</span> : null}
                  </span>
                  <span className="cell-primary__sub" translate="no">
                    @{user.username}
                    {user.email ? ` · ${user.email}` : ''}
                  </span>
                </div>
              </td>
              <td data-label={t('role')}>{t(`roles.${user.role}`, { ns: 'translation' })}</td>
              <td data-label={t('status')}>
                <StatusBadge user={user} />
              </td>
              <td data-label={t('lastLogin')}>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale, 'short') : t('never')}</td>
              <td className="cell-actions">
                <RowAction icon="pencil" text={t('edit')} label={t('editOf', { name: user.name })} onPress={() => onAction(user, 'edit')} />
                <ActionMenu
                  label={t('actionsOf', { name: user.name })}
                  onAction={(action) => onAction(user, action)}
                  actions={[
                    { id: 'reset', label: t('resetPassword'), icon: 'key', isHidden: protectedAccount || !user.isActive },
                    { id: 'deactivate', label: t('deactivate'), icon: 'power', tone: 'danger', isHidden: protectedAccount || !user.isActive },
                    { id: 'reactivate', label: t('reactivate'), icon: 'refresh', isHidden: protectedAccount || user.isActive },
                  ]}
                />
              </td>
            </tr>
          );
        }}
        onOffsetChange={(offset) => setFilters((f) => ({ ...f, offset }))}
      />

      {dialog?.kind === 'form' ? <UserFormDialog user={dialog.user} onClose={close} onCreated={(result) => showSecret(result, true)} /> : null}

      {dialog?.kind === 'secret' ? (
        <ModalDialog isOpen onOpenChange={(open) => !open && close()} title={dialog.title} description={dialog.lead} isDismissable={false}>
          <SecretReveal label={t('temporaryPassword')} value={dialog.password} />
          <DialogActions>
            <Button variant="primary" onPress={close}>
              {t('done')}
            </Button>
          </DialogActions>
        </ModalDialog>
      ) : null}

      {dialog?.kind === 'reset' ? (
        <ConfirmDialog
          isOpen
          onOpenChange={(open) => !open && close()}
          title={t('resetTitle', { name: dialog.user.name })}
          confirmLabel={t('resetConfirm')}
          pendingLabel={t('resetting')}
          tone="primary"
          isPending={reset.isPending}
          error={reset.error}
          onConfirm={() => reset.mutate(dialog.user.id, { onSuccess: (result) => showSecret(result, false) })}
        >
          <p>{t('resetText')}</p>
        </ConfirmDialog>
      ) : null}

      {dialog?.kind === 'deactivate' ? (
        <ConfirmDialog
          isOpen
          onOpenChange={(open) => !open && close()}
          title={t('deactivateTitle', { name: dialog.user.name })}
          confirmLabel={t('deactivate')}
          pendingLabel={t('deactivating')}
          isPending={setActive.isPending}
          error={setActive.error}
          onConfirm={() => setActive.mutate({ id: dialog.user.id, active: false }, { onSuccess: close })}
        >
          <p>{t('deactivateText')}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
