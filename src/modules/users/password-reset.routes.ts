import { z } from 'zod';
import { ResetLink } from '../../contracts/clients.js';
import { route, type Routes } from '../../http/endpoint.js';
import { IdParams } from '../../lib/paging.js';
import type { PasswordResetService } from './password-reset.service.js';

const TAGS = ['Auth'];

const ForgotPasswordBody = z
  .object({ identifier: z.string().trim().min(1).max(254).meta({ description: 'Username, phone number or e-mail address.' }) })
  .strict()
  .meta({ id: 'ForgotPasswordBody' });
const ResetPasswordBody = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a reset token'),
    newPassword: z.string().min(1, 'required').max(1024),
  })
  .strict()
  .meta({ id: 'ResetPasswordBody' });

export function passwordResetRoutes(routes: Routes, { passwordReset }: { passwordReset: PasswordResetService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/auth/password-reset-options',
      summary: 'Whether "forgot password" by e-mail is available on this server',
      tags: TAGS,
      access: 'public',
      response: z.object({ emailResetAvailable: z.boolean() }).meta({ id: 'PasswordResetOptions' }),
    },
    () => ({ emailResetAvailable: passwordReset.emailResetAvailable() }),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/auth/forgot-password',
      summary: 'Ask for a reset link by e-mail (the same 202 whether or not the account exists)',
      tags: TAGS,
      access: 'public',
      body: ForgotPasswordBody,
      status: 202,
      response: z.object({ accepted: z.literal(true) }),
      errors: { 429: 'RATE_LIMIT_EXCEEDED — see Retry-After.' },
    },
    async ({ body, req }) => {
      await passwordReset.requestByEmail(body.identifier, req.ip ?? 'unknown');
      return { accepted: true as const };
    },
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/auth/reset-password',
      summary: 'Set a new password with a reset link’s token (single use; every session of the account ends)',
      tags: TAGS,
      access: 'public',
      body: ResetPasswordBody,
      response: z.object({ reset: z.literal(true) }),
      errors: {
        400: 'RESET_TOKEN_INVALID, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_TOO_COMMON, PASSWORD_CONTAINS_IDENTIFIER, VALIDATION_FAILED',
      },
    },
    async ({ body }) => {
      await passwordReset.reset(body.token, body.newPassword);
      return { reset: true as const };
    },
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/clients/:id/reset-link',
      summary: 'Create a one-time password reset link to hand to a client (shown once)',
      tags: ['Clients'],
      access: ['master', 'admin'],
      params: IdParams,
      response: ResetLink,
      status: 201,
      errors: { 404: 'NOT_FOUND', 409: 'ACCOUNT_INACTIVE' },
    },
    ({ params, actor }) => passwordReset.createClientLink(actor!, params.id),
  );
}
