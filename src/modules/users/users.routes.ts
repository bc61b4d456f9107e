import { CreateUserBody, RoleType, UpdateUserBody, User, UserWithTemporaryPassword } from '../../contracts/users.js';
import { route, type Routes } from '../../http/endpoint.js';
import { IdParams, pageOfArray, WholeListQuery } from '../../lib/paging.js';
import { UserListQuery } from './users.schemas.js';
import type { UsersService } from './users.service.js';

const TAGS = ['Users'];
const STAFF_MANAGERS = ['master', 'admin'] as const;

export function usersRoutes(routes: Routes, { users }: { users: UsersService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/users',
      summary: 'Staff accounts (an admin sees workers only), with search, role and active filters',
      tags: TAGS,
      access: STAFF_MANAGERS,
      query: UserListQuery,
      response: User,
      list: true,
      errors: { 400: 'VALIDATION_FAILED, INVALID_CURSOR, INVALID_PAGING' },
    },
    ({ query, actor }) => users.list(actor!, query, query),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/role-types',
      summary: 'The staff roles, and which of them the caller may assign',
      tags: TAGS,
      access: STAFF_MANAGERS,
      query: WholeListQuery,
      response: RoleType,
      list: true,
    },
    ({ actor, query }) => pageOfArray(users.roleTypes(actor!), query),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/users',
      summary: 'Create a staff account; its temporary password is returned once',
      description: 'The master creates admins and workers; an admin creates workers. Nobody creates a master.',
      tags: TAGS,
      access: STAFF_MANAGERS,
      body: CreateUserBody,
      response: UserWithTemporaryPassword,
      status: 201,
      errors: {
        403: 'CANNOT_CREATE_MASTER, ROLE_NOT_ALLOWED, FORBIDDEN',
        409: 'USERNAME_TAKEN',
      },
    },
    ({ body, actor }) => users.create(actor!, body),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/users/:id',
      summary: 'One staff account',
      tags: TAGS,
      access: STAFF_MANAGERS,
      params: IdParams,
      response: User,
      errors: { 404: 'NOT_FOUND — no such user, or not one the caller may see.' },
    },
    ({ params, actor }) => users.get(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'patch',
      path: '/api/users/:id',
      summary: 'Edit a staff account (send the version you read)',
      tags: TAGS,
      access: STAFF_MANAGERS,
      params: IdParams,
      body: UpdateUserBody,
      response: User,
      errors: {
        400: 'VALIDATION_FAILED, NOTHING_TO_CHANGE',
        403: 'FORBIDDEN, ROLE_NOT_ALLOWED, CANNOT_CREATE_MASTER, CANNOT_CHANGE_MASTER_ROLE',
        404: 'NOT_FOUND',
        409: 'VERSION_CONFLICT (details.currentVersion), USERNAME_TAKEN',
      },
    },
    ({ params, body, actor }) => users.update(actor!, params.id, body),
  );

  for (const [action, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    route(
      routes,
      {
        method: 'post',
        path: `/api/users/:id/${action}`,
        summary: active ? 'Reactivate a staff account' : 'Deactivate a staff account (its sessions end at once)',
        tags: TAGS,
        access: STAFF_MANAGERS,
        params: IdParams,
        response: User,
        errors: { 403: 'CANNOT_DEACTIVATE_MASTER, CANNOT_DEACTIVATE_SELF, FORBIDDEN', 404: 'NOT_FOUND' },
      },
      ({ params, actor }) => users.setActive(actor!, params.id, active),
    );
  }

  route(
    routes,
    {
      method: 'post',
      path: '/api/users/:id/reset-password',
      summary: 'Give a staff account a new temporary password (returned once); its sessions end',
      tags: TAGS,
      access: STAFF_MANAGERS,
      params: IdParams,
      response: UserWithTemporaryPassword,
      errors: { 403: 'CANNOT_RESET_SELF, FORBIDDEN', 404: 'NOT_FOUND' },
    },
    ({ params, actor }) => users.resetPassword(actor!, params.id),
  );
}
