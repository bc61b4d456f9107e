import type { Shape } from '@/locales/shape';
import { addNamespace } from '@/lib/i18n';

/** The reports screen's strings (IVA, revenue, cash, hours, CSV exports), loaded with that screen. */
export const reportsEn = {
  title: 'Reports',
};

const reportsPt: Shape<typeof reportsEn> = {
  title: 'Relatórios',
};

addNamespace('reports', { en: reportsEn, pt: reportsPt });
