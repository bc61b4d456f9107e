import crypto from 'node:crypto';
import { expect, request, type APIRequestContext, type APIResponse } from '@playwright/test';
import type { Account } from './accounts.js';

// Set-up through the API for browser tests: each context is its own session, like a second device.

export const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
export const NEW_PASSWORD = 'Sardinha-Assada-42';

interface Envelope<T> {
  success: boolean;
  data: T;
}

/** The `data` of a successful answer; a failure fails the test with the answer's body. */
export async function data<T>(response: APIResponse): Promise<T> {
  const body = (await response.json()) as Envelope<T>;
  expect(response.ok(), JSON.stringify(body)).toBe(true);
  return body.data;
}

export async function apiAs(kind: 'staff' | 'client', login: string, password: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const path = kind === 'staff' ? '/api/auth/login/user' : '/api/auth/login/client';
  await data(await api.post(path, { data: kind === 'staff' ? { username: login, password } : { phone: login, password } }));
  return api;
}

export const lisbonDate = (instant: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Lisbon' }).format(new Date(instant));
export const lisbonToday = () => lisbonDate(Date.now());
export const lisbonClock = (instant: number) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Lisbon', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
export const lisbonInput = (instant: number) => `${lisbonDate(instant)}T${lisbonClock(instant)}`;

/** A worker created by the admin with a temporary password, changed at first sign-in (through the API). */
export async function newWorker(admin: APIRequestContext, name: string): Promise<Account & { id: number }> {
  const username = `e2e.clean.${crypto.randomBytes(3).toString('hex')}`;
  const created = await data<{ user: { id: number }; temporaryPassword: string }>(await admin.post('/api/users', { data: { username, name, role: 'worker' } }));
  const self = await apiAs('staff', username, created.temporaryPassword);
  await data(await self.post('/api/auth/change-password', { data: { currentPassword: created.temporaryPassword, newPassword: NEW_PASSWORD } }));
  await self.dispose();
  return { kind: 'staff', login: username, password: NEW_PASSWORD, name, home: '/worker', id: created.user.id };
}

/** A client with one property, past the forced password change. */
export async function newClient(admin: APIRequestContext, name: string, propertyName: string) {
  const digits = `93${crypto.randomInt(0, 10_000_000).toString().padStart(7, '0')}`;
  const created = await data<{ client: { id: number }; temporaryPassword: string }>(await admin.post('/api/clients', { data: { phone: digits, name } }));
  const self = await apiAs('client', digits, created.temporaryPassword);
  await data(await self.post('/api/auth/change-password', { data: { currentPassword: created.temporaryPassword, newPassword: NEW_PASSWORD } }));
  await self.dispose();
  const property = await data<{ id: number }>(
    await admin.post(`/api/clients/${created.client.id}/properties`, {
      data: { name: propertyName, addressLine1: 'Rua da Graça 12, 2.º Esq.', city: 'Lisboa', postalCode: '1170-165', district: 'lisboa', propertyType: 'apartamento', accessInstructions: 'Cofre da chave: 4815' },
    }),
  );
  const account: Account = { kind: 'client', login: digits, password: NEW_PASSWORD, name, home: '/client' };
  return { account, clientId: created.client.id, propertyId: property.id };
}
