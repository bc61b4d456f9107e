/**
 * The business's public contact details, shown on the landing page and to signed-in clients.
 * Edit here when the shop's details change; they are not secret and not per-user.
 */
export const business = {
  phone: '+351 210 000 000',
  phoneHref: 'tel:+351210000000',
  email: 'geral@lavandaria.pt',
  addressLines: ['Rua da Esperança 12', '1200-656 Lisboa'],
} as const;
