import supertest from 'supertest';
import type { TestApp } from './test-app.js';
import { nifCheckDigit } from '../../src/lib/nif.js';

type Agent = ReturnType<typeof supertest.agent>;

let counter = 0;
/** A phone number no other fixture uses (mobiles 93x xxx xxx). */
export function uniquePhone(): string {
  counter += 1;
  return `+35193${String(process.pid % 1000).padStart(3, '0')}${String(counter).padStart(4, '0')}`;
}

export function validNif(firstEight = '2' + String(10_000_000 + Math.floor(Math.random() * 8_999_999)).slice(1)): string {
  return `${firstEight}${nifCheckDigit(firstEight)}`;
}

export const NEW_PASSWORD = 'Sardinha-Assada-42';

/** Creates a client as staff and returns it with its one-time temporary password. */
export async function createClient(staff: Agent, body: Record<string, unknown> = {}) {
  const res = await staff.post('/api/clients').send({ phone: uniquePhone(), name: 'Cliente de Teste', ...body });
  if (res.status !== 201) throw new Error(`create client failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as { client: { id: number; phone: string; version: number }; temporaryPassword: string };
}

/** Signs a new client in with the temporary password and changes it, as a real first sign-in does. */
export async function firstSignIn(t: TestApp, phone: string, temporaryPassword: string): Promise<Agent> {
  const agent = supertest.agent(t.app);
  const login = await agent.post('/api/auth/login/client').send({ phone, password: temporaryPassword });
  if (login.status !== 200) throw new Error(`client sign-in failed: ${login.status} ${JSON.stringify(login.body)}`);
  const change = await agent.post('/api/auth/change-password').send({ currentPassword: temporaryPassword, newPassword: NEW_PASSWORD });
  if (change.status !== 200) throw new Error(`password change failed: ${change.status} ${JSON.stringify(change.body)}`);
  return agent;
}

/** A client of their own, signed in and past the forced password change. */
export async function signedInClient(t: TestApp, staff: Agent, body: Record<string, unknown> = {}) {
  const { client, temporaryPassword } = await createClient(staff, body);
  return { client, agent: await firstSignIn(t, client.phone, temporaryPassword) };
}

export async function createStaff(staff: Agent, body: Record<string, unknown>) {
  counter += 1;
  const res = await staff.post('/api/users').send({ username: `staff.${process.pid}.${counter}`, name: 'Pessoa de Teste', role: 'worker', ...body });
  if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as { user: { id: number; username: string; version: number; role: string }; temporaryPassword: string };
}

export const PROPERTY = {
  name: 'Apartamento da Graça',
  addressLine1: 'Rua da Graça 12, 2.º Esq.',
  city: 'Lisboa',
  postalCode: '1170-165',
  district: 'lisboa',
  propertyType: 'apartamento',
};

/** A new staff account (a worker unless `body.role` says otherwise), signed in and past the forced password change. */
export async function signedInUser(t: TestApp, staff: Agent, body: Record<string, unknown> = {}) {
  const { user, temporaryPassword } = await createStaff(staff, body);
  const agent = supertest.agent(t.app);
  const login = await agent.post('/api/auth/login/user').send({ username: user.username, password: temporaryPassword });
  if (login.status !== 200) throw new Error(`user sign-in failed: ${login.status} ${JSON.stringify(login.body)}`);
  const change = await agent.post('/api/auth/change-password').send({ currentPassword: temporaryPassword, newPassword: NEW_PASSWORD });
  if (change.status !== 200) throw new Error(`password change failed: ${change.status} ${JSON.stringify(change.body)}`);
  return { user, agent };
}
