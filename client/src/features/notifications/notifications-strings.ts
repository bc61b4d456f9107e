import type { Shape } from '@/locales/shape';
import { addNamespace } from '@/lib/i18n';

/** The notifications bell's strings: loaded with the signed-in shells. */
export const notificationsEn = {
  bell: 'Notifications',
  bellUnread_one: 'Notifications, {{count}} unread',
  bellUnread_other: 'Notifications, {{count}} unread',
  title: 'Notifications',
  markAllRead: 'Mark all as read',
  markRead: 'Mark as read',
  unread: 'Unread',
  emptyTitle: 'All caught up',
  emptyText: 'Messages about your orders, jobs and account appear here.',
  loadMore: 'Show older',
  open: 'Open',
};

const notificationsPt: Shape<typeof notificationsEn> = {
  bell: 'Notificações',
  bellUnread_one: 'Notificações, {{count}} por ler',
  bellUnread_other: 'Notificações, {{count}} por ler',
  title: 'Notificações',
  markAllRead: 'Marcar todas como lidas',
  markRead: 'Marcar como lida',
  unread: 'Por ler',
  emptyTitle: 'Está tudo em dia',
  emptyText: 'As mensagens sobre os seus pedidos, serviços e conta aparecem aqui.',
  loadMore: 'Mostrar mais antigas',
  open: 'Abrir',
};

addNamespace('notifications', { en: notificationsEn, pt: notificationsPt });
