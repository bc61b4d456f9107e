import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Email, Nif } from '@contracts/users';
import { applyServerFieldErrors, tokenResolver } from '@/lib/form-resolver';
import { ApiError } from '@/lib/api-error';

const Form = z.object({ name: z.string().min(2), nif: z.union([z.literal(''), Nif]), email: z.union([z.literal(''), Email]) });
const resolve = (values: z.input<typeof Form>) =>
  tokenResolver(Form, { nif: 'nif', email: 'email' })(values, undefined, { fields: {}, shouldUseNativeValidation: false });

describe('form validation tokens', () => {
  it('when a NIF or an e-mail has the wrong form, then the field explains its own format', async () => {
    const { errors } = await resolve({ name: 'Ana', nif: '123456780', email: 'ana@' });
    expect(errors.nif?.message).toBe('nif');
    expect(errors.email?.message).toBe('email');
  });

  it('when optional fields are left empty and the rest is right, then there is nothing to fix', async () => {
    const { errors } = await resolve({ name: 'Ana', nif: '', email: '' });
    expect(errors).toEqual({});
    expect((await resolve({ name: 'A', nif: '245678915', email: '' })).errors.name?.message).toBe('tooShort:2');
  });

  it('when the server refuses a field, then the message goes next to that field', () => {
    const set: [string, string | undefined][] = [];
    const setError = (name: string, error: { message?: string }) => void set.push([name, error.message]);
    const taken = new ApiError(409, 'PHONE_TAKEN', 'taken', 'req_1');
    expect(applyServerFieldErrors(taken, setError as never, ['phone'])).toBe(true);
    const invalid = new ApiError(400, 'VALIDATION_FAILED', 'bad', 'req_2', [{ path: 'body.phone', message: 'not a phone number', code: 'invalid_phone' }]);
    expect(applyServerFieldErrors(invalid, setError as never, ['phone'], { phone: 'phone' })).toBe(true);
    expect(set).toEqual([
      ['phone', 'api:PHONE_TAKEN'],
      ['phone', 'phone'],
    ]);
    expect(applyServerFieldErrors(new ApiError(500, 'INTERNAL', 'x', 'req_3'), setError as never, ['phone'])).toBe(false);
  });
});
