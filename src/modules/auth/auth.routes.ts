import type { Request } from 'express';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { Clock } from '../../lib/clock.js';
import { unauthenticated } from '../../lib/app-error.js';
import { ChangePasswordBody, LoginClientBody, LoginUserBody, Principal, UpdateProfileBody, type PrincipalDto } from '../../contracts/auth.js';
import { route, type Routes } from '../../http/endpoint.js';
import { sessionCookieIsSecure, sessionCookieName, sessionKindOf } from '../../http/middleware/session.js';
import { principalKey, type AuthService } from './auth.service.js';

const TAGS = ['Auth'];

function promisify(fn: (cb: (err?: unknown) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));
}

/** New session id at every sign-in (ASVS 7.2.4: no fixation), idle expiry by role, then saved before answering. */
async function establishSession(req: Request, principal: PrincipalDto, config: Config, clock: Clock, authenticatedAt?: number) {
  await promisify((cb) => req.session.regenerate(cb));
  req.session.auth = {
    principal: principalKey(principal.type, principal.id),
    type: principal.type,
    id: principal.id,
    role: principal.role,
    name: principal.name,
    locale: principal.locale,
    mustChangePassword: principal.mustChangePassword,
    authenticatedAt: authenticatedAt ?? clock.now().getTime(),
  };
  req.session.cookie.maxAge = config.session.idleMinutes[sessionKindOf(principal.role)] * 60_000;
  await promisify((cb) => req.session.save(cb));
}

export function authRoutes(routes: Routes, deps: { auth: AuthService; config: Config; clock: Clock }) {
  const { auth, config, clock } = deps;
  const loginErrors = {
    401: 'INVALID_CREDENTIALS — unknown account, wrong password or inactive account (deliberately indistinguishable).',
    429: 'RATE_LIMIT_EXCEEDED — too many failures for this account or address; see Retry-After.',
  };

  route(
    routes,
    {
      method: 'post',
      path: '/api/auth/login/user',
      summary: 'Staff sign-in (username + password)',
      tags: TAGS,
      access: 'public',
      body: LoginUserBody,
      response: Principal,
      errors: loginErrors,
    },
    async ({ body, req }) => {
      const principal = await auth.loginUser(body.username, body.password, req.ip ?? 'unknown');
      await establishSession(req, principal, config, clock);
      return principal;
    },
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/auth/login/client',
      summary: 'Client sign-in (phone + password)',
      description: 'Portuguese 9-digit numbers may be given without +351.',
      tags: TAGS,
      access: 'public',
      body: LoginClientBody,
      response: Principal,
      errors: loginErrors,
    },
    async ({ body, req }) => {
      const principal = await auth.loginClient(body.phone, body.password, req.ip ?? 'unknown');
      await establishSession(req, principal, config, clock);
      return principal;
    },
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/auth/logout',
      summary: 'Sign out: the session is destroyed and its cookie cleared',
      tags: TAGS,
      access: 'public',
      allowDuringPasswordChange: true,
      response: z.object({ loggedOut: z.literal(true) }),
    },
    async ({ req, res }) => {
      if (req.session?.auth) await promisify((cb) => req.session.destroy(cb));
      const secure = sessionCookieIsSecure(config, req);
      res.clearCookie(sessionCookieName(config, secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
      // Nothing of the account stays in this browser: cached answers, cookies and stored data (ASVS 14.3.1).
      res.setHeader('Clear-Site-Data', '"cache", "cookies", "storage"');
      return { loggedOut: true as const };
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/auth/session',
      summary: 'The signed-in account (401 when signed out)',
      tags: TAGS,
      access: 'authenticated',
      allowDuringPasswordChange: true,
      response: Principal,
    },
    async ({ req }) => {
      const sessionAuth = req.session.auth;
      const principal = sessionAuth ? await auth.currentPrincipal(sessionAuth.type, sessionAuth.id) : undefined;
      if (!principal) {
        await promisify((cb) => req.session.destroy(cb));
        throw unauthenticated();
      }
      return { ...principal, mustChangePassword: sessionAuth?.mustChangePassword ?? principal.mustChangePassword };
    },
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/auth/change-password',
      summary: 'Change the own password; every other session of the account is ended',
      tags: TAGS,
      access: 'authenticated',
      allowDuringPasswordChange: true,
      body: ChangePasswordBody,
      response: Principal,
      errors: {
        400: 'CURRENT_PASSWORD_INCORRECT, PASSWORD_UNCHANGED, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_TOO_COMMON, PASSWORD_CONTAINS_IDENTIFIER, VALIDATION_FAILED',
        429: 'RATE_LIMIT_EXCEEDED — too many wrong current passwords for this account (they count with failed sign-ins); see Retry-After.',
      },
    },
    async ({ body, req }) => {
      const current = req.session.auth!;
      const principal = await auth.changePassword(current.type, current.id, body.currentPassword, body.newPassword, req.sessionID, req.ip ?? 'unknown');
      // A privilege change: the session id is renewed too (OWASP Session Management CS).
      await establishSession(req, principal, config, clock, current.authenticatedAt);
      return principal;
    },
  );

  route(
    routes,
    {
      method: 'patch',
      path: '/api/auth/profile',
      summary: 'Update the own display name and interface language',
      tags: TAGS,
      access: 'authenticated',
      body: UpdateProfileBody,
      response: Principal,
    },
    async ({ body, req }) => {
      const current = req.session.auth!;
      const principal = await auth.updateProfile(current.type, current.id, body);
      current.name = principal.name;
      current.locale = principal.locale;
      return principal;
    },
  );
}
