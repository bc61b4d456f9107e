import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { describeError } from '@/lib/error-message';
import { setLocale } from '@/lib/i18n';
import { en } from '@/locales/en';
import { pt } from '@/locales/pt';
import { ruleErrorsEn } from '@/locales/rule-errors';

// The server's source, read as text: every error code it can send must have a sentence in both languages.
const serverSources = import.meta.glob<string>('../../../src/**/*.ts', { query: '?raw', import: 'default', eager: true });

function serverErrorCodes(): string[] {
  const codes = new Set<string>();
  const patterns = [
    /new AppError\(\s*\d{3},\s*'([A-Z][A-Z0-9_]+)'/g,
    /\b(?:badRequest|forbidden|conflict|serviceUnavailable)\(\s*'([A-Z][A-Z0-9_]+)'/g,
    /\bcode = '([A-Z][A-Z0-9_]+)'/g,
  ];
  for (const source of Object.values(serverSources)) {
    for (const pattern of patterns) for (const match of source.matchAll(pattern)) codes.add(match[1]!);
  }
  return [...codes].sort();
}

describe('error messages', () => {
  it('when the server can answer with a code, then both languages translate it', () => {
    const codes = serverErrorCodes();
    expect(codes).toContain('INVALID_CREDENTIALS');
    expect(codes).toContain('SESSION_STORE_UNAVAILABLE');
    // The Portuguese rule messages have the same keys as the English ones (checked by the type checker).
    const missing = codes.filter((code) => !(code in en.errors && code in pt.errors) && !(code in ruleErrorsEn));
    expect(missing, 'add one line per code in client/src/locales/rule-errors.ts (both languages)').toEqual([]);
  });

  it('when a known code arrives, then the message is the translation and no reference is shown', () => {
    const error = new ApiError(401, 'INVALID_CREDENTIALS', 'Invalid credentials', 'req_1');
    expect(describeError(error, i18n)).toEqual({ message: pt.errors.INVALID_CREDENTIALS, reference: undefined });
  });

  it('when the limit says how long to wait, then the message says it in minutes', async () => {
    await setLocale('en');
    const error = new ApiError(429, 'RATE_LIMIT_EXCEEDED', 'Too many', 'req_1', undefined, 600);
    expect(describeError(error, i18n).message).toBe('Too many attempts. Wait 10 min and try again.');
  });

  it('when a business rule refuses, then its message comes from the rules loaded with the signed-in screens', () => {
    const error = new ApiError(409, 'PAYMENT_EXCEEDS_BALANCE', 'x', 'req_2');
    expect(describeError(error, i18n)).toEqual({ message: 'O valor é superior ao que falta pagar. Registe a diferença como gorjeta ou corrija o valor.', reference: undefined });
  });

  it('when the code is unknown or the server failed, then the generic message comes with the reference to quote', () => {
    expect(describeError(new ApiError(418, 'SOMETHING_NEW', 'x', 'req_42'), i18n)).toEqual({ message: pt.errors.GENERIC, reference: 'req_42' });
    expect(describeError(new ApiError(500, 'INTERNAL', 'x', 'req_43'), i18n)).toEqual({ message: pt.errors.INTERNAL, reference: 'req_43' });
    expect(describeError(new Error('boom'), i18n)).toEqual({ message: pt.errors.GENERIC, reference: undefined });
  });
});
