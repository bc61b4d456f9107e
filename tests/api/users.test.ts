import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createStaff, NEW_PASSWORD } from '../helpers/people-fixtures.js';

type Agent = ReturnType<typeof supertest.agent>;

describe('staff users', () => {
  let t: TestApp;
  let master: Agent;
  let admin: Agent;
  let masterId: number;
  let adminId: number;

  beforeAll(async () => {
    t = await createTestApp();
    master = await t.signIn('master');
    admin = await t.signIn('admin');
    masterId = (await master.get('/api/auth/session')).body.data.id;
    adminId = (await admin.get('/api/auth/session')).body.data.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('when the master creates an admin, then a temporary password is returned once and must be changed at first sign-in', async () => {
    const res = await master.post('/api/users').send({ username: 'Nova.Admin', name: 'Nova Admin', role: 'admin', email: 'Nova@Example.PT', phone: '912 000 321' });
    expect(res.status).toBe(201);
    const { user, temporaryPassword } = res.body.data;
    expect(user).toMatchObject({ username: 'Nova.Admin', role: 'admin', email: 'nova@example.pt', phone: '+351912000321', mustChangePassword: true, isActive: true, version: 1 });
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    const { rows } = await t.db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]!.password_hash).not.toContain(temporaryPassword);

    const agent = supertest.agent(t.app);
    expect((await agent.post('/api/auth/login/user').send({ username: 'nova.admin', password: temporaryPassword })).status).toBe(200);
    const blocked = await agent.get('/api/users');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await agent.post('/api/auth/change-password').send({ currentPassword: temporaryPassword, newPassword: NEW_PASSWORD })).status).toBe(200);
    expect((await agent.get('/api/users')).status).toBe(200);
    expect((await master.get(`/api/users/${user.id}`)).body.data.mustChangePassword).toBe(false);
  });

  it('when anyone tries to create a master, then 403 CANNOT_CREATE_MASTER', async () => {
    const res = await master.post('/api/users').send({ username: 'second.master', name: 'Segundo Mestre', role: 'master' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CANNOT_CREATE_MASTER');
  });

  it('when an admin creates an admin, then 403 ROLE_NOT_ALLOWED; a worker is fine', async () => {
    const res = await admin.post('/api/users').send({ username: 'admin.made', name: 'Feita Por Admin', role: 'admin' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ROLE_NOT_ALLOWED');
    expect((await admin.post('/api/users').send({ username: 'worker.made', name: 'Feito Por Admin', role: 'worker' })).status).toBe(201);
  });

  it('when a username differs only in case from an existing one, then 409 USERNAME_TAKEN and not a 500', async () => {
    const res = await master.post('/api/users').send({ username: 'WORKER1', name: 'Duplicado', role: 'worker' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('USERNAME_TAKEN');
  });

  it('when an edit renames a user to a taken username, then 409 USERNAME_TAKEN', async () => {
    const { user } = await createStaff(master, {});
    const res = await master.patch(`/api/users/${user.id}`).send({ version: user.version, username: 'admin' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('USERNAME_TAKEN');
  });

  it('when an admin lists users, then only workers come back, even when asking for admins', async () => {
    const all = await admin.get('/api/users?limit=100');
    expect(all.status).toBe(200);
    expect(all.body.data.length).toBeGreaterThan(0);
    expect(new Set(all.body.data.map((u: { role: string }) => u.role))).toEqual(new Set(['worker']));
    const admins = await admin.get('/api/users?role=admin');
    expect(admins.body.data).toEqual([]);
    expect(admins.body._meta.total).toBe(0);
  });

  it('when an admin opens the master or edits another admin, then 404 and 403 respectively', async () => {
    expect((await admin.get(`/api/users/${masterId}`)).status).toBe(404);
    const { user: other } = await createStaff(master, { role: 'admin' });
    expect((await admin.get(`/api/users/${other.id}`)).status).toBe(404);
    const self = await admin.get(`/api/users/${adminId}`);
    expect(self.status).toBe(200);
    const edit = await admin.patch(`/api/users/${adminId}`).send({ version: self.body.data.version, name: 'Outro Nome' });
    expect(edit.status).toBe(403);
  });

  it('when the master is deactivated by anyone, or someone deactivates themselves, then 403 with its own code', async () => {
    const m = await master.post(`/api/users/${masterId}/deactivate`);
    expect(m.status).toBe(403);
    expect(m.body.error.code).toBe('CANNOT_DEACTIVATE_MASTER');
    const self = await admin.post(`/api/users/${adminId}/deactivate`);
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('CANNOT_DEACTIVATE_SELF');
  });

  it('when a worker is deactivated, then their sessions end at once and sign-in fails; reactivated, they sign in again', async () => {
    const { user, temporaryPassword } = await createStaff(admin, {});
    const worker = supertest.agent(t.app);
    await worker.post('/api/auth/login/user').send({ username: user.username, password: temporaryPassword });
    await worker.post('/api/auth/change-password').send({ currentPassword: temporaryPassword, newPassword: NEW_PASSWORD });
    expect((await worker.get('/api/auth/session')).status).toBe(200);

    const res = await admin.post(`/api/users/${user.id}/deactivate`);
    expect(res.status).toBe(200);
    expect(res.body.data.isActive).toBe(false);
    expect((await worker.get('/api/notifications/unread-count')).status).toBe(401);
    expect((await t.request.post('/api/auth/login/user').send({ username: user.username, password: NEW_PASSWORD })).status).toBe(401);

    expect((await admin.post(`/api/users/${user.id}/reactivate`)).body.data.isActive).toBe(true);
    expect((await t.request.post('/api/auth/login/user').send({ username: user.username, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('when two edits are based on the same version, then the second is 409 VERSION_CONFLICT and nothing is lost silently', async () => {
    const { user } = await createStaff(master, {});
    const first = await master.patch(`/api/users/${user.id}`).send({ version: user.version, name: 'Primeira Edição' });
    expect(first.status).toBe(200);
    expect(first.body.data.version).toBe(user.version + 1);
    const second = await admin.patch(`/api/users/${user.id}`).send({ version: user.version, name: 'Segunda Edição' });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: user.version + 1 } });
    expect((await master.get(`/api/users/${user.id}`)).body.data.name).toBe('Primeira Edição');
  });

  it('when an edit carries an unknown field, then 400 VALIDATION_FAILED naming it (unknown fields are rejected)', async () => {
    const { user } = await createStaff(master, {});
    const res = await master.patch(`/api/users/${user.id}`).send({ version: user.version, name: 'Nome', isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.error.details)).toContain('isAdmin');
  });

  it('when an id is not a number, then 400 VALIDATION_FAILED on the path, never a database error', async () => {
    for (const bad of ['abc', '1.5', '-3', '0', '99999999999999999999']) {
      const res = await master.get(`/api/users/${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.details[0].path).toBe('params.id');
    }
  });

  it('when the master resets a worker’s password, then a new temporary password works, the old one does not, and sessions end', async () => {
    const { user, temporaryPassword } = await createStaff(master, {});
    const worker = supertest.agent(t.app);
    await worker.post('/api/auth/login/user').send({ username: user.username, password: temporaryPassword });
    const res = await master.post(`/api/users/${user.id}/reset-password`);
    expect(res.status).toBe(200);
    const fresh = res.body.data.temporaryPassword;
    expect(fresh).not.toBe(temporaryPassword);
    expect(res.body.data.user.mustChangePassword).toBe(true);
    expect((await worker.get('/api/auth/session')).status).toBe(401);
    expect((await t.request.post('/api/auth/login/user').send({ username: user.username, password: temporaryPassword })).status).toBe(401);
    expect((await t.request.post('/api/auth/login/user').send({ username: user.username, password: fresh })).status).toBe(200);
  });

  it('when users are listed by search and sort and paged by cursor, then pages do not overlap and cover the list', async () => {
    for (let i = 0; i < 5; i += 1) await createStaff(master, { name: `Paginado ${String.fromCharCode(70 - i)}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: supertest.Response = await master.get(`/api/users?search=paginado&sort=-name&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body._meta.total).toBe(5);
      seen.push(...res.body.data.map((u: { name: string }) => u.name));
      cursor = res.body._meta.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual(['Paginado F', 'Paginado E', 'Paginado D', 'Paginado C', 'Paginado B']);
    const wrongSort = await master.get(`/api/users?sort=name&cursor=${(await master.get('/api/users?sort=-name&limit=1')).body._meta.nextCursor}`);
    expect(wrongSort.status).toBe(400);
    expect(wrongSort.body.error.code).toBe('INVALID_CURSOR');
    expect((await master.get('/api/users?sort=password_hash')).status).toBe(400);
    expect((await master.get('/api/users?limit=101')).status).toBe(400);
    expect((await master.get('/api/users?offset=10001')).status).toBe(400);
  });

  it('when role types are asked, then the master may assign admin and worker and an admin only worker', async () => {
    const asMaster = (await master.get('/api/role-types')).body.data;
    expect(asMaster.filter((r: { assignable: boolean }) => r.assignable).map((r: { role: string }) => r.role)).toEqual(['admin', 'worker']);
    const asAdmin = (await admin.get('/api/role-types')).body.data;
    expect(asAdmin.filter((r: { assignable: boolean }) => r.assignable).map((r: { role: string }) => r.role)).toEqual(['worker']);
  });

  it('when a user is deactivated, then the row stays: users are never deleted', async () => {
    const { user } = await createStaff(master, {});
    await master.post(`/api/users/${user.id}/deactivate`);
    const { rows } = await t.db.query(`SELECT id, is_active, deactivated_at FROM users WHERE id = $1`, [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ is_active: false });
    expect(t.built.routes.some((r) => r.method === 'delete' && r.path.startsWith('/api/users'))).toBe(false);
  });
});
