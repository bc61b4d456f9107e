import type { Shape } from '@/locales/shape';
import { addNamespace } from '@/lib/i18n';

/**
 * Strings of the shared management components (dialogs, paging, copy buttons, format messages): a
 * namespace loaded with the first screen that uses them, so the landing page does not carry them.
 */
export const uiEn = {
  close: 'Close',
  cancel: 'Cancel',
  save: 'Save',
  saving: 'Saving…',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy: select the text and copy it yourself.',
  shownOnce: 'Shown only this once. Note it or hand it over now.',
  search: 'Search',
  previous: 'Previous',
  next: 'Next',
  pageRange: '{{from}}–{{to}} of {{total}}',
  pageRangeCapped: '{{from}}–{{to}} of more than {{total}}',
  paging: 'Pages',
  active: 'Active',
  inactive: 'Inactive',
  all: 'All',
  yes: 'Yes',
  no: 'No',
  optional: 'optional',
  reload: 'Reload',
  actions: 'Actions',
  moreActions: 'More actions',
  formats: {
    nif: 'Not a valid NIF: 9 digits with a correct check digit (the last one).',
    phone: 'Not a valid phone number: 9 digits (912 345 678) or an international number starting with +.',
    email: 'Not a valid e-mail address (name@example.pt).',
    postalCode: 'Use the Portuguese format 1234-567.',
    iban: 'Not a valid IBAN: check the country code and every digit.',
    username: 'Use 3–50 letters, digits, dots, dashes or underscores (no spaces).',
    date: 'Use a past date after 1900.',
  },
};

const uiPt: Shape<typeof uiEn> = {
  close: 'Fechar',
  cancel: 'Cancelar',
  save: 'Guardar',
  saving: 'A guardar…',
  copy: 'Copiar',
  copied: 'Copiado',
  copyFailed: 'Não foi possível copiar: selecione o texto e copie-o manualmente.',
  shownOnce: 'Mostrado apenas esta vez. Anote-o ou entregue-o agora.',
  search: 'Pesquisar',
  previous: 'Anterior',
  next: 'Seguinte',
  pageRange: '{{from}}–{{to}} de {{total}}',
  pageRangeCapped: '{{from}}–{{to}} de mais de {{total}}',
  paging: 'Páginas',
  active: 'Ativo',
  inactive: 'Inativo',
  all: 'Todos',
  yes: 'Sim',
  no: 'Não',
  optional: 'opcional',
  reload: 'Recarregar',
  actions: 'Ações',
  moreActions: 'Mais ações',
  formats: {
    nif: 'NIF inválido: 9 algarismos com o dígito de controlo (o último) correto.',
    phone: 'Número de telefone inválido: 9 algarismos (912 345 678) ou um número internacional começado por +.',
    email: 'Endereço de e-mail inválido (nome@exemplo.pt).',
    postalCode: 'Use o formato português 1234-567.',
    iban: 'IBAN inválido: verifique o código do país e todos os algarismos.',
    username: 'Use 3 a 50 letras, algarismos, pontos, hífenes ou sublinhados (sem espaços).',
    date: 'Use uma data passada, posterior a 1900.',
  },
};

addNamespace('ui', { en: uiEn, pt: uiPt });
