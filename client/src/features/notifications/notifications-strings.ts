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
  preferences: {
    title: 'Notifications by e-mail',
    lead: 'Everything always appears in the bell. Choose what we also send to your e-mail.',
    none: 'There are no e-mails to choose for your account.',
    saved: 'Saved.',
    types: {
      laundry_ready: { label: 'Laundry ready', description: 'When an order is ready to collect or to be delivered.' },
      cleaning_assigned: { label: 'New cleaning job', description: 'When you are put on a cleaning job.' },
      cleaning_rescheduled: { label: 'Turnover moved', description: 'When a booking moves the day of a cleaning you are on.' },
      cleaning_completed: { label: 'Cleaning completed', description: 'When a cleaning at your property is done.' },
      calendar_failing: { label: 'Calendar not syncing', description: 'When a property’s booking calendar has failed for a day.' },
      account_payment_reminder: { label: 'Payment reminders', description: 'When an order or a cleaning is overdue.' },
      account_statement_issued: { label: 'Monthly statement', description: 'When your monthly statement is ready.' },
      message_received: { label: 'New messages', description: 'Several within 10 minutes come as one e-mail.' },
      ticket_created: { label: 'New tickets', description: 'When someone opens a ticket. Urgent tickets are always e-mailed.' },
      job_changed: { label: 'Changes to your jobs', description: 'When the date, time, address or team of a job you are on changes.' },
      request_created: { label: 'New client requests', description: 'When a client asks for a pickup, a delivery or a cleaning.' },
      request_updated: { label: 'Your requests', description: 'When we accept, propose another time or decline a request.' },
      turnover_report_ready: { label: 'Cleaning reports', description: 'When the report of a cleaning at your property is ready.' },
    },
  },
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
  preferences: {
    title: 'Notificações por e-mail',
    lead: 'Tudo aparece sempre no sino. Escolha o que também enviamos para o seu e-mail.',
    none: 'Não há e-mails para escolher na sua conta.',
    saved: 'Guardado.',
    types: {
      laundry_ready: { label: 'Roupa pronta', description: 'Quando uma encomenda está pronta para levantar ou entregar.' },
      cleaning_assigned: { label: 'Nova limpeza', description: 'Quando lhe é atribuída uma limpeza.' },
      cleaning_rescheduled: { label: 'Limpeza de saída remarcada', description: 'Quando uma reserva muda o dia de uma limpeza sua.' },
      cleaning_completed: { label: 'Limpeza concluída', description: 'Quando uma limpeza no seu imóvel fica concluída.' },
      calendar_failing: { label: 'Calendário sem sincronizar', description: 'Quando o calendário de reservas de um imóvel falha há um dia.' },
      account_payment_reminder: { label: 'Lembretes de pagamento', description: 'Quando uma encomenda ou limpeza está por pagar há demasiado tempo.' },
      account_statement_issued: { label: 'Extrato mensal', description: 'Quando o seu extrato mensal está disponível.' },
      message_received: { label: 'Novas mensagens', description: 'Várias em 10 minutos chegam num só e-mail.' },
      ticket_created: { label: 'Novos pedidos de assistência', description: 'Quando alguém abre um pedido. Os urgentes vão sempre por e-mail.' },
      job_changed: { label: 'Alterações às suas limpezas', description: 'Quando muda a data, a hora, a morada ou a equipa de uma limpeza sua.' },
      request_created: { label: 'Novos pedidos de clientes', description: 'Quando um cliente pede uma recolha, uma entrega ou uma limpeza.' },
      request_updated: { label: 'Os seus pedidos', description: 'Quando aceitamos, propomos outra hora ou recusamos um pedido.' },
      turnover_report_ready: { label: 'Relatórios de limpeza', description: 'Quando o relatório de uma limpeza no seu imóvel está pronto.' },
    },
  },
};

addNamespace('notifications', { en: notificationsEn, pt: notificationsPt });
