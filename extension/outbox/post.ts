/** One POST of an envelope to the Apps Script endpoint, and what came back. */
import { SyncResponseSchema, type SyncEnvelope, type SyncResponse } from '../../shared/schemas/sync';
import type { OutboxError } from './types';

export type PostResult =
  | { kind: 'answer'; response: SyncResponse }
  | { kind: 'failure'; error: OutboxError; retryable: boolean };

export const POST_MESSAGES = {
  network: 'Không kết nối được tới sổ của phường (mất mạng hoặc máy chủ không trả lời). Tiện ích sẽ tự gửi lại.',
  badAnswer:
    'Máy chủ trả lời không đúng định dạng. Nếu lỗi lặp lại, hãy kiểm tra địa chỉ web: phải là bản triển khai "Ứng dụng web", chạy với quyền chủ sổ, ai cũng truy cập được.',
} as const;

export async function postEnvelope(fetchFn: typeof fetch, endpoint: string, envelope: SyncEnvelope, timeoutMs: number, iso: () => string): Promise<PostResult> {
  const failure = (code: OutboxError['code'], message: string): PostResult => ({ kind: 'failure', retryable: true, error: { code, message, at: iso() } });
  let res: Response;
  let text: string;
  try {
    // text/plain and no custom headers: a "simple" request, so no CORS preflight (Apps Script
    // does not answer OPTIONS). fetch follows the 302 to script.googleusercontent.com as a GET,
    // as Apps Script expects: doPost already ran on the first hop.
    res = await fetchFn(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=utf-8' },
      body: JSON.stringify(envelope),
      redirect: 'follow',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await res.text();
  } catch {
    return failure('NETWORK', POST_MESSAGES.network);
  }
  if (!res.ok) return failure('BAD_ANSWER', `${POST_MESSAGES.badAnswer} (HTTP ${res.status})`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return failure('BAD_ANSWER', POST_MESSAGES.badAnswer);
  }
  const parsed = SyncResponseSchema.safeParse(json);
  return parsed.success ? { kind: 'answer', response: parsed.data } : failure('BAD_ANSWER', POST_MESSAGES.badAnswer);
}
