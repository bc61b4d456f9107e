import type { Shape } from '@/locales/shape';
import { addNamespace } from '@/lib/i18n';

/**
 * The shells' navigation (menu items, the menu's own buttons, sign-out). Only the signed-in shells
 * use it, so it loads with them rather than with the landing page's first load.
 */
export const navEn = {
  turnovers: 'Turnovers',
  checklists: 'Checklists',
  main: 'Main navigation',
  home: 'Home',
  profile: 'Profile',
  cleaning: 'Cleaning',
  laundry: 'Laundry',
  laundryServices: 'Laundry prices',
  scan: 'Scanner',
  counter: 'Counter',
  racks: 'Racks',
  openMenu: 'Open menu',
  closeMenu: 'Close menu',
  menu: 'Menu',
  signOut: 'Sign out',
  unsentPhotosTitle: 'Photos not sent yet',
  unsentPhotos_one: '{{count}} photo taken on this phone has not reached the server yet. Signing out deletes it from this phone. Stay signed in until it is sent.',
  unsentPhotos_other: '{{count}} photos taken on this phone have not reached the server yet. Signing out deletes them from this phone. Stay signed in until they are sent.',
  signOutAnyway: 'Sign out and lose them',
  staySignedIn: 'Stay signed in',
  users: 'Team accounts',
  clients: 'Clients',
  settings: 'Settings',
  audit: 'Activity log',
  payments: 'Payments',
  reports: 'Reports',
  tickets: 'Tickets',
  imports: 'Import data',
  myAccount: 'My account',
  messages: 'Messages',
};

const navPt: Shape<typeof navEn> = {
  turnovers: 'Limpezas de saída',
  checklists: 'Listas de verificação',
  main: 'Navegação principal',
  home: 'Início',
  profile: 'Perfil',
  cleaning: 'Limpezas',
  laundry: 'Lavandaria',
  laundryServices: 'Preçário',
  scan: 'Leitor',
  counter: 'Balcão',
  racks: 'Prateleiras',
  openMenu: 'Abrir menu',
  closeMenu: 'Fechar menu',
  menu: 'Menu',
  signOut: 'Terminar sessão',
  unsentPhotosTitle: 'Fotografias por enviar',
  unsentPhotos_one: '{{count}} fotografia tirada neste telemóvel ainda não chegou ao servidor. Terminar a sessão apaga-a deste telemóvel. Fique com a sessão aberta até ser enviada.',
  unsentPhotos_other: '{{count}} fotografias tiradas neste telemóvel ainda não chegaram ao servidor. Terminar a sessão apaga-as deste telemóvel. Fique com a sessão aberta até serem enviadas.',
  signOutAnyway: 'Terminar e perdê-las',
  staySignedIn: 'Ficar com a sessão',
  users: 'Contas da equipa',
  clients: 'Clientes',
  settings: 'Definições',
  audit: 'Registo de atividade',
  payments: 'Pagamentos',
  reports: 'Relatórios',
  tickets: 'Ocorrências',
  imports: 'Importar dados',
  myAccount: 'A minha conta',
  messages: 'Mensagens',
};

addNamespace('nav', { en: navEn, pt: navPt });
