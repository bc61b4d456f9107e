import { describe, expect, it } from 'vitest';
import { attachmentName } from '@/lib/api-download';

describe('download file names', () => {
  it('when the server names the attachment, then that name is kept (accents included)', () => {
    expect(attachmentName('attachment; filename="clientes-2026-05-04.csv"', 'x.csv')).toBe('clientes-2026-05-04.csv');
    expect(attachmentName("attachment; filename*=UTF-8''relat%C3%B3rio.csv", 'x.csv')).toBe('relatório.csv');
  });

  it('when there is no usable name, then the fallback is used', () => {
    expect(attachmentName(null, 'clients.csv')).toBe('clients.csv');
    expect(attachmentName('attachment', 'clients.csv')).toBe('clients.csv');
    expect(attachmentName('attachment; filename="%E0%A4%A.csv"', 'x.csv')).toBe('%E0%A4%A.csv');
  });
});
