import type { Shape } from '@/locales/shape';
import { addNamespace } from '@/lib/i18n';

/** The tickets screens' strings (board, detail, the worker's list), loaded with those screens. */
export const ticketsEn = {
  title: 'Tickets',
};

const ticketsPt: Shape<typeof ticketsEn> = {
  title: 'Ocorrências',
};

addNamespace('tickets', { en: ticketsEn, pt: ticketsPt });
