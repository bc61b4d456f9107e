import { useMutation } from '@tanstack/react-query';
import type { ImportDto, ImportKindValue } from '@contracts/imports';
import { api } from '@/lib/api-client';

export interface UploadImportInput {
  kind: ImportKindValue;
  file: File;
  delimiter: '' | 'semicolon' | 'comma' | 'tab';
  encoding: '' | 'utf-8' | 'windows-1252';
}

/** POST /api/imports (multipart): reads the file into a draft; nothing is imported yet. */
export function uploadImport({ kind, file, delimiter, encoding }: UploadImportInput) {
  const form = new FormData();
  form.append('kind', kind);
  if (delimiter) form.append('delimiter', delimiter);
  if (encoding) form.append('encoding', encoding);
  form.append('file', file, file.name);
  return api.post<ImportDto>('/api/imports', form);
}

export function useUploadImport() {
  return useMutation({ mutationFn: uploadImport });
}
