import type { Db, Queryable } from '../db/pool.js';
import type { Logger } from '../lib/logger.js';
import type { FieldCipher } from '../lib/field-crypto.js';
import { nifCheckDigit } from '../lib/nif.js';
import type { PasswordHasher } from '../modules/auth/password.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';

/**
 * Realistic Portuguese demo data for development (never production): more staff, clients in Lisbon and
 * Porto with valid NIFs and +351 phones, and their properties. Idempotent — a record is created only
 * when its username or phone is not there yet, so a developer's own edits survive restarts. Every demo
 * client signs in with the demo client password.
 */
const nif = (firstEight: string) => `${firstEight}${nifCheckDigit(firstEight)}`;

interface DemoProperty {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  district: string;
  type: string;
  access?: string;
}

interface DemoClient {
  phone: string;
  name: string;
  email?: string;
  nif?: string;
  dateOfBirth?: string;
  company?: string;
  locale?: 'pt' | 'en';
  notes?: string;
  properties: DemoProperty[];
}

const STAFF = [
  { username: 'worker2', name: 'Bruno Costa', phone: '+351913456782', role: 'worker' },
  { username: 'worker3', name: 'Carla Mendes', phone: '+351926789014', role: 'worker' },
  { username: 'admin2', name: 'Sofia Rodrigues', phone: '+351935551234', role: 'admin' },
] as const;

const CLIENTS: DemoClient[] = [
  {
    phone: DEMO_ACCOUNTS.client.phone,
    name: DEMO_ACCOUNTS.client.name,
    properties: [
      { name: 'Casa de Campo de Ourique', line1: 'Rua Ferreira Borges 87, 3.º Dto.', city: 'Lisboa', postalCode: '1350-132', district: 'lisboa', type: 'apartamento', access: 'Chave com a porteira (D. Lurdes), r/c.' },
    ],
  },
  {
    phone: '+351912345670',
    name: 'João Pereira',
    email: 'joao.pereira@example.pt',
    nif: nif('21345678'),
    dateOfBirth: '1979-04-12',
    notes: 'Prefere contacto por SMS.',
    properties: [
      { name: 'Apartamento Alfama', line1: 'Rua de São Miguel 24, 1.º', city: 'Lisboa', postalCode: '1100-544', district: 'lisboa', type: 'apartamento', access: 'Cofre de chaves à porta: código 4815.' },
      { name: 'Casa da Ericeira', line1: 'Rua Dr. Eduardo Burnay 9', city: 'Ericeira', postalCode: '2655-370', district: 'lisboa', type: 'casa' },
    ],
  },
  {
    phone: '+351934567812',
    name: 'Inês Carvalho',
    email: 'ines.carvalho@example.pt',
    nif: nif('23456789'),
    dateOfBirth: '1988-11-03',
    properties: [
      { name: 'T2 Cedofeita', line1: 'Rua de Cedofeita 312, 2.º Esq.', city: 'Porto', postalCode: '4050-180', district: 'porto', type: 'apartamento', access: 'Intercomunicador 2E; chave suplente no café da esquina.' },
    ],
  },
  {
    phone: '+351961234509',
    name: 'Tiago Gomes',
    company: 'Alfama Stays, Lda.',
    email: 'reservas@alfamastays.example.pt',
    nif: nif('51234567'),
    locale: 'en',
    notes: 'Alojamento local: limpezas entre hóspedes, check-out às 11h.',
    properties: [
      { name: 'Alfama Stays — Sé', line1: 'Largo da Sé 5, 2.º', city: 'Lisboa', postalCode: '1100-585', district: 'lisboa', type: 'apartamento', access: 'Lockbox 7731, portão lateral.' },
      { name: 'Alfama Stays — Graça', line1: 'Rua da Graça 112, 4.º Frt.', city: 'Lisboa', postalCode: '1170-165', district: 'lisboa', type: 'apartamento', access: 'Lockbox 2290 no corrimão do 4.º andar.' },
      { name: 'Alfama Stays — Ribeira', line1: 'Cais da Ribeira 33, 3.º', city: 'Porto', postalCode: '4050-510', district: 'porto', type: 'apartamento' },
    ],
  },
  {
    phone: '+351917654321',
    name: 'Ana Rita Lopes',
    email: 'anarita.lopes@example.pt',
    dateOfBirth: '1992-02-27',
    properties: [
      { name: 'Casa de Matosinhos', line1: 'Avenida da República 640', city: 'Matosinhos', postalCode: '4450-242', district: 'porto', type: 'casa' },
    ],
  },
  {
    phone: '+351220123456',
    name: 'Manuel Fernandes',
    company: 'Clínica Dentária Boavista',
    nif: nif('50987654'),
    notes: 'Escritório: limpeza semanal às sextas depois das 19h.',
    properties: [
      { name: 'Clínica Boavista', line1: 'Avenida da Boavista 1201, Loja 3', city: 'Porto', postalCode: '4100-130', district: 'porto', type: 'escritorio', access: 'Alarme: código 1987, chave no segurança do edifício.' },
    ],
  },
  {
    phone: '+351968765432',
    name: 'Beatriz Martins',
    email: 'beatriz.martins@example.pt',
    nif: nif('24681357'),
    properties: [
      { name: 'Quinta em Sintra', line1: 'Estrada da Pena 14', city: 'Sintra', postalCode: '2710-609', district: 'lisboa', type: 'quinta', access: 'Portão automático: comando com o jardineiro (Sr. Zé, 912 000 111).' },
    ],
  },
  {
    phone: '+351932109876',
    name: 'Rui Oliveira',
    properties: [],
  },
];

async function insertProperty(tx: Queryable, cipher: FieldCipher, clientId: number, p: DemoProperty, primary: boolean, createdBy: number | null) {
  await tx.query(
    `INSERT INTO properties (client_id, name, address_line1, address_line2, city, postal_code, district, property_type, access_instructions_enc, is_primary, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [clientId, p.name, p.line1, p.line2 ?? null, p.city, p.postalCode, p.district, p.type, p.access ? cipher.encrypt(p.access, 'properties.access_instructions') : null, primary, createdBy],
  );
}

export async function seedDemoData(db: Db, deps: { hasher: PasswordHasher; cipher: FieldCipher }, logger: Logger): Promise<void> {
  const created: string[] = [];
  const staffHash = await deps.hasher.hash('worker123');
  const clientHash = await deps.hasher.hash(DEMO_ACCOUNTS.client.password);
  await db.transaction(async (tx) => {
    const master = await tx.query<{ id: number }>(`SELECT id FROM users WHERE role = 'master'`);
    const createdBy = master.rows[0]?.id ?? null;

    for (const s of STAFF) {
      const exists = await tx.query(`SELECT 1 FROM users WHERE lower(username) = lower($1)`, [s.username]);
      if (exists.rowCount) continue;
      await tx.query(`INSERT INTO users (username, password_hash, role, name, phone, created_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
        s.username,
        staffHash,
        s.role,
        s.name,
        s.phone,
        createdBy,
      ]);
      created.push(s.username);
    }

    for (const c of CLIENTS) {
      const existing = await tx.query<{ id: number }>(`SELECT id FROM clients WHERE phone = $1`, [c.phone]);
      let clientId = existing.rows[0]?.id;
      if (!clientId) {
        const { rows } = await tx.query<{ id: number }>(
          `INSERT INTO clients (phone, password_hash, name, email, nif, date_of_birth, is_enterprise, company_name, locale, notes, must_change_password, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, false, $11) RETURNING id`,
          [c.phone, clientHash, c.name, c.email ?? null, c.nif ?? null, c.dateOfBirth ?? null, Boolean(c.company), c.company ?? null, c.locale ?? 'pt', c.notes ?? null, createdBy],
        );
        clientId = rows[0]!.id;
        await tx.query(`INSERT INTO notifications (client_id, type, params) VALUES ($1, 'account.welcome', $2)`, [clientId, JSON.stringify({ name: c.name, login: c.phone })]);
        created.push(c.phone);
      }
      const hasProperties = await tx.query(`SELECT 1 FROM properties WHERE client_id = $1 LIMIT 1`, [clientId]);
      if (hasProperties.rowCount) continue;
      for (const [i, p] of c.properties.entries()) await insertProperty(tx, deps.cipher, clientId, p, i === 0, createdBy);
    }

    // The business's identity (landing page, documents, e-mails), unless someone already edited it.
    await tx.query(
      `UPDATE business_identity SET name = $1, legal_name = $2, address = $3, nif = $4, phone = $5, email = $6, updated_by = $7
        WHERE id = 1 AND version = 1 AND updated_by IS NULL AND nif = '' AND address = ''`,
      ['Lavandaria Sousa', 'Lavandaria Sousa, Lda.', 'Rua dos Fanqueiros 120\n1100-232 Lisboa', nif('50812345'), '+351213456789', 'geral@lavandariasousa.pt', createdBy],
    );
  });
  if (created.length > 0) logger.info({ records: created }, `✅ Demo data created: ${created.length} staff and clients with their properties`);
}
