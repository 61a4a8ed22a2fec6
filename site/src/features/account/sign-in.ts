import { apiFetch, type ApiResult, type Fetch } from '../../lib/api-fetch';
import type { Session } from './session-store';

/**
 * Signs a buyer in and answers with the session to keep.
 *
 * This build has one issuer: the API's development token endpoint (`POST /v1/dev/token`, only
 * present when `AUTH_DEV_ISSUER` is on), which trusts the email it is given. In production this
 * module is the one to replace: it starts the OIDC provider's redirect instead, and the
 * callback hands the provider's token to the same `SessionStore`; nothing else changes.
 */
export async function signIn(email: string, fetcher?: Fetch): Promise<ApiResult<Session>> {
  const answer = await apiFetch<{ token: string; expiresAt: string; user: { email: string } }>(
    '/v1/dev/token',
    { method: 'POST', body: { email: email.trim(), role: 'buyer' } },
    fetcher,
  );
  if (!answer.ok) return answer;
  const { token, expiresAt, user } = answer.body;
  return { ok: true, status: answer.status, body: { token, expiresAt, email: user.email } };
}
