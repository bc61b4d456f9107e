import { describe, expect, it } from 'vitest';
import { renderEmail, renderNotification } from '../../src/modules/notifications/templates.js';

const brand = { name: 'Lavandaria Aurora', address: 'Rua Augusta 1\n1100-048 Lisboa', phone: '+351912345678', email: 'ola@aurora.pt' };

describe('e-mails name the business from its identity', () => {
  it('when an e-mail is rendered, then its subject carries the business name and its footer the address and formatted phone', () => {
    const mail = renderEmail('laundry.ready', { orderNumber: 'LAV-1', deliveryRequested: false }, 'pt', {}, brand);
    if (!mail) throw new Error('no e-mail');
    expect(mail.subject).toBe('Lavandaria Aurora: encomenda LAV-1 pronta');
    expect(mail.text.endsWith('-- \nLavandaria Aurora\nRua Augusta 1\n1100-048 Lisboa\n+351 912 345 678 · ola@aurora.pt\n')).toBe(true);
    expect(mail.text).not.toContain('+351912345678');
  });

  it('when an in-app notice names the business, then it is the configured name', () => {
    expect(renderNotification('account.welcome', { name: 'Maria', login: 'maria' }, 'en', brand).title).toBe('Welcome to Lavandaria Aurora');
  });
});
