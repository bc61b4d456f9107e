import { ApiError } from '@/lib/api-error';
import { downloadBlob } from '@/lib/download';
import { newCorrelationId } from '@/lib/ids';

/** The file name from `Content-Disposition: attachment; filename="…"`, or the fallback. */
export function attachmentName(header: string | null, fallback: string): string {
  const match = header ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header) : null;
  if (!match?.[1]) return fallback;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/**
 * Downloads a file the API serves (a CSV export, a receipt PDF) with the session's cookies and saves it
 * under the server's file name (or `fallbackName`). Fetched rather than followed as a link so that a
 * refusal (a bad period, an ended session, a receipt that is not yours) becomes an ApiError the screen
 * explains, instead of the browser opening or saving the JSON answer.
 */
export async function downloadFromApi(path: string, fallbackName: string, { signal, accept }: { signal?: AbortSignal; accept?: string } = {}): Promise<string> {
  const correlationId = newCorrelationId();
  let response: Response;
  try {
    const headers: Record<string, string> = { 'X-Correlation-Id': correlationId };
    if (accept) headers.Accept = accept;
    response = await fetch(path, { credentials: 'include', headers, signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached.', correlationId);
  }
  const reference = response.headers.get('X-Correlation-Id') ?? correlationId;
  if (!response.ok) {
    const payload = (await response.json().catch(() => undefined)) as { error?: { code: string; message: string; details?: unknown } } | undefined;
    const error = payload?.error;
    throw error
      ? new ApiError(response.status, error.code, error.message, reference, error.details)
      : new ApiError(response.status, 'BAD_RESPONSE', `Unexpected response (HTTP ${response.status}).`, reference);
  }
  const name = attachmentName(response.headers.get('Content-Disposition'), fallbackName);
  downloadBlob(await response.blob(), name);
  return name;
}
