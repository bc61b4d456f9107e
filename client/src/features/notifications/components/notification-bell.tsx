import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Dialog, DialogTrigger, Heading, Popover } from 'react-aria-components';
import '@/features/notifications/notifications-strings';
import { Button } from '@/components/button';
import { LoadMore } from '@/components/pager';
import { Icon } from '@/components/icon';
import { QueryView } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { usePrincipal } from '@/features/auth/api/get-session';
import { appLink } from '@/features/notifications/app-link';
import { useMarkAllRead } from '@/features/notifications/api/mark-all-read';
import { useMarkRead } from '@/features/notifications/api/mark-read';
import { useNotifications, type Notification } from '@/features/notifications/api/list-notifications';
import { useUnreadCount } from '@/features/notifications/api/unread-count';
import '@/components/menu.css';
import './notification-bell.css';

function NotificationList({ close }: { close: () => void }) {
  const { t } = useTranslation('notifications');
  const principal = usePrincipal();
  const navigate = useNavigate();
  const locale = currentLocale();
  const list = useNotifications(true);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const header = useRef<HTMLDivElement>(null);
  // The button goes away once everything is read: focus moves to the panel itself, so it is not lost
  // (and Escape still closes the panel).
  const focusPanel = () => header.current?.closest<HTMLElement>('[role="dialog"]')?.focus();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const anyUnread = items.some((item) => !item.readAt);

  const open = (item: Notification) => {
    if (!item.readAt) markRead.mutate(item.id);
    const to = appLink(item.link, principal.role);
    if (to) {
      close();
      void navigate(to);
    }
  };

  return (
    <>
      <div className="notifications__header cluster cluster--spread" ref={header}>
        <Heading slot="title" className="text-base">
          {t('title')}
        </Heading>
        {anyUnread ? (
          <Button variant="ghost" size="sm" onPress={() => markAll.mutate(undefined, { onSuccess: focusPanel })} isPending={markAll.isPending}>
            <Icon name="check" size={16} />
            {t('markAllRead')}
          </Button>
        ) : null}
      </div>
      <QueryView query={list} empty={{ icon: 'bell', title: t('emptyTitle'), text: t('emptyText'), bordered: false }} isEmpty={() => items.length === 0}>
        {() => (
          <ul role="list" className="divided">
            {items.map((item) => {
              const unread = !item.readAt;
              const target = appLink(item.link, principal.role);
              return (
                <li key={item.id} className={`notification${unread ? ' notification--unread' : ''}`}>
                  <span className={unread ? 'badge__dot notification__dot' : undefined} aria-hidden="true" />
                  <div className="stack gap-1">
                    <p className="strong text-sm">
                      {unread ? <span className="visually-hidden">{t('unread')}: </span> : null}
                      {item.title}
                    </p>
                    <p className="muted text-sm">{item.body}</p>
                    <p className="muted text-xs">
                      <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, locale, 'short')}</time>
                    </p>
                  </div>
                  <div className="cluster gap-1">
                    {target ? (
                      <Button size="sm" variant="soft" onPress={() => open(item)}>
                        {t('open')}
                      </Button>
                    ) : null}
                    {unread ? (
                      <Button size="sm" variant="ghost" iconOnly aria-label={`${t('markRead')}: ${item.title}`} onPress={() => markRead.mutate(item.id)}>
                        <Icon name="check" size={18} />
                      </Button>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </QueryView>
      <LoadMore query={list} label={t('loadMore')} size="sm" className="notifications__more" />
    </>
  );
}

/** The bell with the unread count; opens the list of notifications. In every signed-in shell (on the dark sidebar, its ghost look). */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const unread = useUnreadCount();
  const [isOpen, setOpen] = useState(false);
  const count = unread.data ?? 0;
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={setOpen}>
      <Button variant="ghost" iconOnly aria-label={count > 0 ? t('bellUnread', { count }) : t('bell')} className="bell">
        <Icon name="bell" size={22} />
        {count > 0 ? (
          <span className="bell__badge" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </Button>
      <Popover placement="bottom end" offset={8} className="menu-popover notifications-popover">
        <Dialog className="notifications" aria-label={t('title')}>
          <NotificationList close={() => setOpen(false)} />
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
