import { ApiError } from '@/lib/api-error';
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
 * Downloads a file the API serves (a CSV export) with the session's cookies and saves it under the
 * server's file name. Fetched rather than followed as a link so that a refusal (a bad period, an ended
 * session) becomes an ApiError the screen explains, instead of the browser opening the JSON answer.
 */
export async function downloadFromApi(path: string, fallbackName: string, signal?: AbortSignal): Promise<string> {
  const correlationId = newCorrelationId();
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'include', headers: { 'X-Correlation-Id': correlationId }, signal });
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
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
