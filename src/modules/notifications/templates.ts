import { z } from 'zod';
import { DEFAULT_BRAND, mailFooter, template, type Brand, type Locale, type Rendered, type RenderedEmail, type Template } from './template-types.js';
import {
  aboutEn,
  aboutPt,
  day,
  euros,
  jobChangedBody,
  jobChangedTitle,
  monthName,
  PRIORITY_PT,
  repeats,
  requestKind,
  requestUpdate,
  when,
} from './template-phrases.js';

// The notification types and their texts; what a template is lives in template-types.ts.
export { audienceOf, DEFAULT_BRAND, type Audience, type Brand } from './template-types.js';

/**
 * Every notification type, its parameters and its text in pt-PT and English. A later issue adds a type
 * by adding one entry here.
 */
export const TEMPLATES = {
  'account.welcome': template({
    params: z.object({ name: z.string(), login: z.string() }),
    audience: ['staff', 'worker', 'client'],
    inApp: true,
    email: true,
    render: (locale, p, b) =>
      locale === 'pt'
        ? { title: `Bem-vindo(a) à ${b.name}`, body: `Olá ${p.name}, a sua conta foi criada. Entre com ${p.login}.` }
        : { title: `Welcome to ${b.name}`, body: `Hello ${p.name}, your account has been created. Sign in with ${p.login}.` },
    renderEmail: (locale, p, s, b) =>
      locale === 'pt'
        ? {
            subject: `A sua conta na ${b.name}`,
            text: `Olá ${p.name},\n\nA sua conta foi criada.\n\nEntrar com: ${p.login}\nPalavra-passe temporária: ${s.temporaryPassword ?? '(pedida à nossa equipa)'}\n\nVai ter de escolher uma nova palavra-passe ao entrar pela primeira vez.\n${s.signInUrl ?? ''}\n`,
          }
        : {
            subject: `Your ${b.name} account`,
            text: `Hello ${p.name},\n\nYour account has been created.\n\nSign in with: ${p.login}\nTemporary password: ${s.temporaryPassword ?? '(ask our staff)'}\n\nYou will choose a new password the first time you sign in.\n${s.signInUrl ?? ''}\n`,
          },
  }),
  'password.reset_by_staff': template({
    params: z.object({}),
    audience: ['staff', 'worker', 'client'],
    inApp: true,
    email: false,
    render: (locale) =>
      locale === 'pt'
        ? { title: 'Palavra-passe reposta', body: 'A sua palavra-passe foi reposta pela nossa equipa. Se não estava à espera disto, contacte-nos.' }
        : { title: 'Password reset', body: 'Your password was reset by our staff. If you did not expect this, please contact us.' },
  }),
  'password.reset_link': template({
    params: z.object({ expiresAt: z.string() }),
    audience: ['staff', 'worker', 'client'],
    inApp: false,
    email: true,
    render: (locale, p) =>
      locale === 'pt'
        ? { title: 'Reposição da palavra-passe', body: `Pediu para repor a palavra-passe. A ligação é válida até ${when(p.expiresAt, locale)}.` }
        : { title: 'Password reset', body: `You asked to reset your password. The link is valid until ${when(p.expiresAt, locale)}.` },
    renderEmail: (locale, p, s, b) =>
      locale === 'pt'
        ? {
            subject: `Repor a palavra-passe da ${b.name}`,
            text: `Recebemos um pedido para repor a sua palavra-passe.\n\nAbra esta ligação (válida até ${when(p.expiresAt, locale)}, uma única vez):\n${s.link ?? ''}\n\nSe não fez este pedido, ignore esta mensagem: a sua palavra-passe não muda.\n`,
          }
        : {
            subject: `Reset your ${b.name} password`,
            text: `We received a request to reset your password.\n\nOpen this link (valid until ${when(p.expiresAt, locale)}, once):\n${s.link ?? ''}\n\nIf you did not ask for this, ignore this message: your password stays the same.\n`,
          },
  }),
  'laundry.ready': template({
    params: z.object({ orderNumber: z.string(), deliveryRequested: z.boolean() }),
    audience: ['client'],
    inApp: true,
    email: true,
    emailDefault: true,
    render: (locale, p) =>
      locale === 'pt'
        ? {
            title: 'A sua roupa está pronta 🧺',
            body: p.deliveryRequested
              ? `A encomenda ${p.orderNumber} está pronta e vai ser entregue na data combinada.`
              : `A encomenda ${p.orderNumber} está pronta para levantar.`,
          }
        : {
            title: 'Your laundry is ready 🧺',
            body: p.deliveryRequested
              ? `Order ${p.orderNumber} is ready and will be delivered on the agreed date.`
              : `Order ${p.orderNumber} is ready to collect.`,
          },
    renderEmail: (locale, p, _s, b) =>
      locale === 'pt'
        ? {
            subject: `${b.name}: encomenda ${p.orderNumber} pronta`,
            text: p.deliveryRequested
              ? `Olá,\n\nA sua encomenda ${p.orderNumber} está pronta e vai ser entregue na data combinada.\n\nObrigado pela preferência.\n`
              : `Olá,\n\nA sua encomenda ${p.orderNumber} está pronta para levantar.\n\nObrigado pela preferência.\n`,
          }
        : {
            subject: `${b.name}: order ${p.orderNumber} is ready`,
            text: p.deliveryRequested
              ? `Hello,\n\nYour order ${p.orderNumber} is ready and will be delivered on the agreed date.\n\nThank you.\n`
              : `Hello,\n\nYour order ${p.orderNumber} is ready to collect.\n\nThank you.\n`,
          },
  }),
  'cleaning.assigned': template({
    params: z.object({ jobId: z.number(), date: z.string(), time: z.string(), place: z.string(), occurrences: z.number() }),
    audience: ['worker'],
    inApp: true,
    email: true,
    emailDefault: true,
    render: (locale, p) =>
      locale === 'pt'
        ? { title: 'Nova limpeza atribuída', body: `Limpeza em ${p.place}, ${day(p.date, locale)} às ${p.time}${repeats(p.occurrences, locale)}.` }
        : { title: 'New cleaning job', body: `Cleaning at ${p.place}, ${day(p.date, locale)} at ${p.time}${repeats(p.occurrences, locale)}.` },
    renderEmail: (locale, p, _s, b) =>
      locale === 'pt'
        ? { subject: `${b.name}: nova limpeza atribuída`, text: `Olá,\n\nFoi-lhe atribuída uma limpeza em ${p.place}, ${day(p.date, locale)} às ${p.time}${repeats(p.occurrences, locale)}.\n\nOs detalhes estão na aplicação.\n` }
        : { subject: `${b.name}: new cleaning job`, text: `Hello,\n\nYou have been assigned a cleaning at ${p.place}, ${day(p.date, locale)} at ${p.time}${repeats(p.occurrences, locale)}.\n\nThe details are in the app.\n` },
  }),
  'cleaning.rescheduled': template({
    params: z.object({
      jobId: z.number(),
      date: z.string(),
      time: z.string(),
      previousDate: z.string(),
      previousTime: z.string(),
      place: z.string(),
      occurrences: z.number(),
    }),
    audience: ['worker'],
    inApp: true,
    email: true,
    emailDefault: true,
    render: (locale, p) =>
      locale === 'pt'
        ? {
            title: 'Limpeza remarcada',
            body: `A limpeza em ${p.place} passou de ${day(p.previousDate, locale)} às ${p.previousTime} para ${day(p.date, locale)} às ${p.time}${repeats(p.occurrences, locale)}.`,
          }
        : {
            title: 'Cleaning rescheduled',
            body: `The cleaning at ${p.place} moved from ${day(p.previousDate, locale)} at ${p.previousTime} to ${day(p.date, locale)} at ${p.time}${repeats(p.occurrences, locale)}.`,
          },
    renderEmail: (locale, p, _s, b) =>
      locale === 'pt'
        ? {
            subject: `${b.name}: limpeza remarcada`,
            text: `Olá,\n\nA limpeza em ${p.place} passou de ${day(p.previousDate, locale)} às ${p.previousTime} para ${day(p.date, locale)} às ${p.time}${repeats(p.occurrences, locale)}.\n`,
          }
        : {
            subject: `${b.name}: cleaning rescheduled`,
            text: `Hello,\n\nThe cleaning at ${p.place} moved from ${day(p.previousDate, locale)} at ${p.previousTime} to ${day(p.date, locale)} at ${p.time}${repeats(p.occurrences, locale)}.\n`,
          },
  }),
  'cleaning.started': template({
    params: z.object({ jobId: z.number(), place: z.string(), startedAt: z.string() }),
    audience: ['client'],
    inApp: true,
    email: false,
    render: (locale, p) =>
      locale === 'pt'
        ? { title: 'A limpeza começou 🧹', body: `A nossa equipa começou a limpeza em ${p.place} (${when(p.startedAt, locale)}).` }
        : { title: 'Cleaning started 🧹', body: `Our team started cleaning ${p.place} (${when(p.startedAt, locale)}).` },
  }),
  'cleaning.completed': template({
    params: z.object({ jobId: z.number(), place: z.string(), completedAt: z.string() }),
    audience: ['client'],
    inApp: true,
    email: true,
    emailDefault: true,
    render: (locale, p) =>
      locale === 'pt'
        ? { title: 'Limpeza concluída ✨', body: `A limpeza em ${p.place} ficou concluída (${when(p.completedAt, locale)}). Pode ver os detalhes na sua área.` }
        : { title: 'Cleaning completed ✨', body: `The cleaning at ${p.place} is complete (${when(p.completedAt, locale)}). The details are in your account.` },
    renderEmail: (locale, p, _s, b) =>
      locale === 'pt'
        ? { subject: `${b.name}: limpeza concluída`, text: `Olá,\n\nA limpeza em ${p.place} ficou concluída (${when(p.completedAt, locale)}).\n\nPode ver os detalhes na sua área.\n\nObrigado pela preferência.\n` }
        : { subject: `${b.name}: cleaning completed`, text: `Hello,\n\nThe cleaning at ${p.place} is complete (${when(p.completedAt, locale)}).\n\nThe details are in your account.\n\nThank you.\n` },
  }),
  // The host's report of a turnover, e-mailed only to clients who asked for it on their profile: the in-app
  // "cleaning completed" already tells everyone else.
  turnover_report_ready: template({
    params: z.object({ jobId: z.number(), place: z.string(), completedAt: z.string() }),
    audience: ['client'],
    inApp: false,
    email: true,
    emailDefault: false,
    render: (locale, p) =>
      locale === 'pt'
        ? { title: 'Relatório da limpeza 📋', body: `O relatório da limpeza em ${p.place} está pronto.` }
        : { title: 'Cleaning report 📋', body: `The report of the cleaning at ${p.place} is ready.` },
    renderEmail: (locale, p, _s, b) =>
      locale === 'pt'
        ? {
            subject: `${b.name}: relatório da limpeza em ${p.place}`,
            text: `Olá,\n\nA limpeza em ${p.place} ficou concluída (${when(p.completedAt, locale)}).\n\nO relatório — lista de verificação, fotografias de antes e depois por divisão, tempo no local e roupa enviada para a lavandaria — está na sua área, onde também o pode partilhar.\n\nObrigado pela preferência.\n`,
          }
        : {
            subject: `${b.name}: report of the cleaning at ${p.place}`,
            text: `Hello,\n\nThe cleaning at ${p.place} is complete (${when(p.completedAt, locale)}).\n\nIts report — checklist, before and after photos by room, time on site and the linen sent to the laundry — is in your account, where you can also share it.\n\nThank you.\n`,
          },
  }),
  'turnover.moved': template({
    params: z.object({ jobId: z.number(), place: z.string(), date: z.string(), previousDate: z.string() }),
    audience: ['staff'],
    inApp: true,
    email: false,
    render: (locale, p) =>
      locale === 'pt'
        ? { title: 'Limpeza de saída remarcada', body: `A reserva em ${p.place} mudou: a limpeza passou de ${day(p.previousDate, locale)} para ${day(p.date, locale)}.` }
        : { title: 'Turnover rescheduled', body: `The booking at ${p.place} changed: the cleaning moved from ${day(p.previousDate, locale)} to ${day(p.date, locale)}.` },
  }),
  'turnover.cancelled': template({
    params: z.object({ jobId: z.number(), place: z.string(), date: z.string() }),
    audience: ['staff', 'worker'],
    inApp: true,
    email: false,
    render: (locale, p) =>
      locale === 'pt'
        ? { title: 'Limpeza de saída cancelada', body: `A reserva em ${p.place} foi cancelada: a limpeza de ${day(p.date, locale)} foi cancelada.` }
        : { title: 'Turnover cancelled', body: `The booking at ${p.place} was cancelled, and so was the cleaning on ${day(p.date, locale)}.` },
  }),
  'turnover.started_changed': template({
    params: z.object({ jobId: z.number(), place: z.string(), change: z.enum(['moved', 'cancelled']) }),
    audience: ['staff'],
    inApp: true,
    email: false,
    render: (locale, p) =>
      locale === 'pt'
        ? { title: 'Reserva alterada com limpeza em curso', body: `A reserva em ${p.place} foi ${p.change === 'moved' ? 'alterada' : 'cancelada'} mas a limpeza já começou: verifique-a.` }
        : { title: 'Booking changed during a cleaning', body: `The booking at ${p.place} was ${p.change === 'moved' ? 'changed' : 'cancelled'} but the cleaning has already started: please check it.` },
  }),
  'calendar.failing': template({
    params: z.object({ calendarId: z.number(), propertyId: z.number(), label: z.string(), place: z.string(), code: z.string() }),
    audience: ['staff'],
    inApp: true,
    email: true,
    emailDefault: true,
    render: (locale, p) =>
      locale === 'pt'
        ? { title: 'Calendário sem sincronizar há 24 h', body: `O calendário "${p.label}" de ${p.place} falha há mais de 24 horas (${p.code}). As limpezas novas não estão a ser marcadas.` }
        : { title: 'Calendar not syncing for 24 h', body: `The calendar "${p.label}" of ${p.place} has failed for over 24 hours (${p.code}). New turnovers are not being scheduled.` },
    renderEmail: (locale, p, _s, b) =>
      locale === 'pt'
        ? { subject: `${b.name}: calendário sem sincronizar`, text: `O calendário "${p.label}" de ${p.place} falha há mais de 24 horas (${p.code}).\n` }
        : { subject: `${b.name}: calendar not syncing`, text: `The calendar "${p.label}" of ${p.place} has failed for over 24 hours (${p.code}).\n` },
  }),
  // Issue 19 §6: an overdue document, once per document and step (days after accrual).
  'account.payment_reminder': template({
    params: z.object({ line: z.enum(['laundry', 'cleaning']), documentId: z.number(), reference: z.string(), balanceCents: z.number(), days: z.number() }),
    audience: ['client'],
    inApp: true,
    email: true,
    emailDefault: true,
    render: (locale, p) =>
      locale === 'pt'
        ? { title: 'Pagamento em atraso', body: `${p.line === 'laundry' ? 'A encomenda' : 'A limpeza'} ${p.reference} tem ${euros(p.balanceCents, locale)} por pagar há ${p.days} dias.` }
        : { title: 'Payment overdue', body: `${p.line === 'laundry' ? 'Order' : 'Cleaning'} ${p.reference} has ${euros(p.balanceCents, locale)} unpaid for ${p.days} days.` },
    renderEmail: (locale, p, _s, b) =>
      locale === 'pt'
        ? {
            subject: `${b.name}: pagamento em atraso (${p.reference})`,
            text: `Olá,\n\n${p.line === 'laundry' ? 'A encomenda' : 'A limpeza'} ${p.reference} tem ${euros(p.balanceCents, locale)} por pagar há ${p.days} dias.\nSe já pagou, ignore esta mensagem.\n\nObrigado.\n`,
          }
        : {
            subject: `${b.name}: payment overdue (${p.reference})`,
            text: `Hello,\n\n${p.line === 'laundry' ? 'Order' : 'Cleaning'} ${p.reference} has ${euros(p.balanceCents, locale)} unpaid for ${p.days} days.\nIf you have already paid, please ignore this message.\n\nThank you.\n`,
          },
  }),
  // Issue 19 §5: the monthly statement of an on-account client, issued on the 1st (Lisbon).
  'account.statement_issued': template({
    params: z.object({ month: z.string(), closingBalanceCents: z.number() }),
    audience: ['client'],
    inApp: true,
    email: true,
    emailDefault: true,
    render: (locale, p) =>
      locale === 'pt'
        ? { title: 'Extrato mensal disponível', body: `O extrato de ${monthName(p.month, locale)} está disponível. Saldo no fim do mês: ${euros(p.closingBalanceCents, locale)}.` }
        : { title: 'Monthly statement ready', body: `Your statement for ${monthName(p.month, locale)} is ready. Balance at the end of the month: ${euros(p.closingBalanceCents, locale)}.` },
    renderEmail: (locale, p, _s, b) =>
      locale === 'pt'
        ? {
            subject: `${b.name}: extrato de ${monthName(p.month, locale)}`,
            text: `Olá,\n\nO extrato de ${monthName(p.month, locale)} está disponível na sua conta.\nSaldo no fim do mês: ${euros(p.closingBalanceCents, locale)}.\n\nObrigado.\n`,
          }
        : {
            subject: `${b.name}: statement for ${monthName(p.month, locale)}`,
            text: `Hello,\n\nYour statement for ${monthName(p.month, locale)} is ready in your account.\nBalance at the end of the month: ${euros(p.closingBalanceCents, locale)}.\n\nThank you.\n`,
          },
  }),
  // Issue 23 §2–3: a new message in a conversation. The text itself stays in the conversation (and out of
  // notifications and mail, which outlive it): only what it is about.
  message_received: template({
    params: z.object({ subject: z.enum(['laundry_order', 'cleaning_job', 'request']), subjectId: z.number(), reference: z.string() }),
    audience: ['staff', 'worker', 'client'],
    inApp: true,
    email: true,
    emailDefault: true,
    digest: true,
    render: (locale, p) =>
      locale === 'pt'
        ? { title: 'Nova mensagem', body: `Nova mensagem sobre ${aboutPt(p)}.` }
        : { title: 'New message', body: `New message about ${aboutEn(p)}.` },
    renderEmail: (locale, p, _s, b) =>
      locale === 'pt'
        ? { subject: `${b.name}: nova mensagem sobre ${aboutPt(p)}`, text: `Olá,\n\nTem uma nova mensagem sobre ${aboutPt(p)}. Entre na sua conta para a ler e responder.\n\nObrigado.\n` }
        : { subject: `${b.name}: new message about ${aboutEn(p)}`, text: `Hello,\n\nYou have a new message about ${aboutEn(p)}. Sign in to read it and reply.\n\nThank you.\n` },
  }),
  // Issue 23 §2: a master or admin put another in charge of a conversation (in-app only).
  thread_assigned: template({
    params: z.object({ subject: z.enum(['laundry_order', 'cleaning_job', 'request']), subjectId: z.number(), reference: z.string(), by: z.string() }),
    audience: ['staff'],
    inApp: true,
    email: false,
    render: (locale, p) =>
      locale === 'pt'
        ? { title: 'Conversa atribuída a si', body: `${p.by} atribuiu-lhe a conversa sobre ${aboutPt(p)}.` }
        : { title: 'Conversation assigned to you', body: `${p.by} put you in charge of the conversation about ${aboutEn(p)}.` },
  }),
  // Issue 23 §3: a ticket is raised. Every active master and admin but its author hears of it in-app; the
  // e-mail is theirs to switch on. An urgent ticket is its own type and is always e-mailed as well.
  ticket_created: template({
    params: z.object({ ticketId: z.number(), title: z.string(), priority: z.enum(['low', 'medium', 'high', 'urgent']), by: z.string() }),
    audience: ['staff'],
    inApp: true,
    email: true,
    emailDefault: false,
    render: (locale, p) =>
      locale === 'pt'
        ? { title: 'Novo pedido de assistência', body: `${p.by} abriu "${p.title}" (prioridade ${PRIORITY_PT[p.priority]}).` }
        : { title: 'New ticket', body: `${p.by} opened "${p.title}" (${p.priority} priority).` },
    renderEmail: (locale, p, _s, b) =>
      locale === 'pt'
        ? { subject: `${b.name}: novo pedido de assistência — ${p.title}`, text: `Olá,\n\n${p.by} abriu o pedido "${p.title}" (prioridade ${PRIORITY_PT[p.priority]}).\n\nVeja-o na aplicação.\n` }
        : { subject: `${b.name}: new ticket — ${p.title}`, text: `Hello,\n\n${p.by} opened the ticket "${p.title}" (${p.priority} priority).\n\nSee it in the app.\n` },
  }),
  ticket_urgent: template({
    params: z.object({ ticketId: z.number(), title: z.string(), by: z.string() }),
    audience: ['staff'],
    inApp: true,
    email: true,
    render: (locale, p) =>
      locale === 'pt'
        ? { title: 'Pedido URGENTE 🚨', body: `${p.by}: "${p.title}". Precisa de atenção já.` }
        : { title: 'URGENT ticket 🚨', body: `${p.by}: "${p.title}". It needs attention now.` },
    renderEmail: (locale, p, _s, b) =>
      locale === 'pt'
        ? { subject: `URGENTE — ${b.name}: ${p.title}`, text: `Olá,\n\n${p.by} marcou como urgente o pedido "${p.title}".\n\nVeja-o na aplicação o quanto antes.\n` }
        : { subject: `URGENT — ${b.name}: ${p.title}`, text: `Hello,\n\n${p.by} marked the ticket "${p.title}" as urgent.\n\nPlease see it in the app as soon as possible.\n` },
  }),
  // Issue 23 §3: a cleaning job the worker is on changed (date, time, address, who else is on it), or they
  // were taken off it. A worker newly put on a job hears "cleaning.assigned" instead.
  job_changed: template({
    params: z.object({
      jobId: z.number(),
      place: z.string(),
      date: z.string(),
      time: z.string(),
      changes: z.array(z.enum(['date', 'time', 'address', 'workers', 'removed'])),
      occurrences: z.number(),
    }),
    audience: ['worker'],
    inApp: true,
    email: true,
    emailDefault: true,
    render: (locale, p) => ({ title: jobChangedTitle(p, locale), body: jobChangedBody(p, locale) }),
    renderEmail: (locale, p, _s, b) => ({
      subject: `${b.name}: ${jobChangedTitle(p, locale).toLowerCase()}`,
      text: locale === 'pt' ? `Olá,\n\n${jobChangedBody(p, locale)}\n\nOs detalhes estão na aplicação.\n` : `Hello,\n\n${jobChangedBody(p, locale)}\n\nThe details are in the app.\n`,
    }),
  }),
  // Issue 23 §1: a client asked for a pickup, a delivery or a cleaning; told to the owner and managers.
  request_created: template({
    params: z.object({ requestId: z.number(), kind: z.enum(['pickup', 'delivery', 'cleaning']), clientName: z.string(), date: z.string(), windowStart: z.string(), windowEnd: z.string() }),
    audience: ['staff'],
    inApp: true,
    email: false,
    render: (locale, p) =>
      locale === 'pt'
        ? { title: `Novo pedido: ${requestKind(p.kind, locale)}`, body: `${p.clientName} pede ${requestKind(p.kind, locale)} para ${day(p.date, locale)}, ${p.windowStart}–${p.windowEnd}.` }
        : { title: `New request: ${requestKind(p.kind, locale)}`, body: `${p.clientName} asks for a ${requestKind(p.kind, locale)} on ${day(p.date, locale)}, ${p.windowStart}–${p.windowEnd}.` },
  }),
  // Issue 23 §1: staff proposed another time, accepted or declined a client's request.
  request_updated: template({
    params: z.object({
      requestId: z.number(),
      kind: z.enum(['pickup', 'delivery', 'cleaning']),
      state: z.enum(['pending', 'proposed', 'pending_confirmation', 'accepted', 'declined', 'cancelled']),
      date: z.string().optional(),
      windowStart: z.string().optional(),
      windowEnd: z.string().optional(),
      reason: z.string().nullable().optional(),
    }),
    audience: ['client'],
    inApp: true,
    email: true,
    emailDefault: true,
    render: (locale, p) => requestUpdate(locale, p),
    renderEmail: (locale, p) => {
      const r = requestUpdate(locale, p);
      return { subject: `Lavandaria: ${r.title}`, text: locale === 'pt' ? `Olá,\n\n${r.body}\n\nObrigado.\n` : `Hello,\n\n${r.body}\n\nThank you.\n` };
    },
  }),
} as const;

export type NotificationType = keyof typeof TEMPLATES;
export type ParamsOf<T extends NotificationType> = z.infer<(typeof TEMPLATES)[T]['params']>;

export function isKnownType(type: string): type is NotificationType {
  return Object.hasOwn(TEMPLATES, type);
}

/** Renders a stored notification; an unknown or malformed one still shows something rather than failing the list. */
export function renderNotification(type: string, params: unknown, locale: Locale, brand: Brand = DEFAULT_BRAND): Rendered {
  if (!isKnownType(type)) return { title: type, body: '' };
  const t = TEMPLATES[type] as Template<unknown>;
  const parsed = t.params.safeParse(params);
  if (!parsed.success) return { title: type, body: '' };
  return t.render(locale, parsed.data, brand);
}

export function renderEmail(type: string, params: unknown, locale: Locale, secrets: Record<string, string>, brand: Brand = DEFAULT_BRAND): RenderedEmail | null {
  if (!isKnownType(type)) return null;
  const t = TEMPLATES[type] as Template<unknown>;
  if (!t.renderEmail) return null;
  const mail = t.renderEmail(locale, t.params.parse(params), secrets, brand);
  return { subject: mail.subject, text: `${mail.text}${mailFooter(brand)}` };
}

export function templateOf(type: NotificationType): Template<unknown> {
  return TEMPLATES[type] as Template<unknown>;
}

/** How long the first digestible e-mail to an account waits for others to join it. */
export const DIGEST_WINDOW_MS = 10 * 60_000;

/** One e-mail listing several notifications (each rendered as in the bell), in the recipient's language. */
export function renderDigest(items: Array<{ type: string; params: unknown; at: string }>, locale: Locale, brand: Brand = DEFAULT_BRAND): RenderedEmail {
  const b = brand;
  const lines = items.map((item) => {
    const r = renderNotification(item.type, item.params, locale, brand);
    return `• ${when(item.at, locale)} — ${r.title}${r.body ? `: ${r.body}` : ''}`;
  });
  const mail = locale === 'pt'
    ? { subject: `${b.name}: ${items.length} novas notificações`, text: `Olá,\n\nTem ${items.length} novas notificações:\n\n${lines.join('\n')}\n\nEntre na sua conta para ver e responder.\n\nObrigado.\n` }
    : { subject: `${b.name}: ${items.length} new notifications`, text: `Hello,\n\nYou have ${items.length} new notifications:\n\n${lines.join('\n')}\n\nSign in to see them and reply.\n\nThank you.\n` };
  return { subject: mail.subject, text: `${mail.text}${mailFooter(brand)}` };
}
