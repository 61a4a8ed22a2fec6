import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { forPlatform, User, type EntityManager } from '@fanfare/db';
import { codePage, emailPage } from './pages.js';
import { type CodeRefusal, type SignInCodes, WindowLimiter } from './sign-in-codes.js';

/** Sends a sign-in code letter; the idempotency key makes a retried request send once. */
type SendSignInCode = (input: {
  idempotencyKey: string;
  to: string;
  code: string;
  locale: string | undefined;
}) => Promise<void>;

/** What the interaction routes need. */
export interface InteractionDeps {
  provider: Provider;
  em: EntityManager;
  codes: SignInCodes;
  sendCode: SendSignInCode;
  codeTtlMinutes: number;
  /** Codes sent per address, and per client IP, per hour. */
  codesPerAddressPerHour?: number;
  codesPerIpPerHour?: number;
  /** Code guesses per client IP per hour (each code also dies after 5 wrong ones). */
  guessesPerIpPerHour?: number;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const HOUR = 3_600_000;

const MESSAGES: Record<CodeRefusal | 'email_invalid' | 'rate_limited', string> = {
  email_invalid: 'Enter a valid email address.',
  rate_limited: 'Too many attempts. Wait a while, then try again.',
  sign_in_code_invalid: 'That code is not right. Check the letter and try again.',
  sign_in_code_expired: 'That code has expired. Ask for a new one.',
  sign_in_code_attempts_exceeded: 'Too many wrong codes. Ask for a new one.',
};

async function formBody(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 8192) break;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function html(response: ServerResponse, status: number, body: string, errorCode?: string): void {
  response.statusCode = status;
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.setHeader('cache-control', 'no-store');
  response.setHeader('content-security-policy', "default-src 'none'; form-action 'self'; frame-ancestors 'none'");
  if (errorCode !== undefined) response.setHeader('x-error-code', errorCode);
  response.end(body);
}

/**
 * The passwordless sign-in interaction the provider sends browsers to: an address, then the
 * 6-digit code mailed to it. Code requests are limited per address and per IP, guesses per IP
 * and per code; every answer is the same whether or not the address has an account, and the
 * account is made on the first successful sign-in. Answers `false` for paths it does not own.
 */
export function interactionRoutes(deps: InteractionDeps) {
  const perAddress = new WindowLimiter(deps.codesPerAddressPerHour ?? 5, HOUR);
  const perIp = new WindowLimiter(deps.codesPerIpPerHour ?? 20, HOUR);
  const guesses = new WindowLimiter(deps.guessesPerIpPerHour ?? 30, HOUR);
  const sent = new Map<string, number>();

  async function finishLogin(request: IncomingMessage, response: ServerResponse, email: string): Promise<void> {
    const em = forPlatform(deps.em);
    let user = await em.findOne(User, { email });
    if (user === null) {
      user = em.create(User, { email, displayName: email.split('@')[0] ?? email, roles: ['buyer'] });
      await em.flush();
    }
    await deps.provider.interactionFinished(
      request,
      response,
      { login: { accountId: user.id } },
      { mergeWithLastSubmission: false },
    );
  }

  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const match = /^\/interaction\/([\w-]+)(?:\/(email|code))?$/.exec(new URL(request.url ?? '/', 'http://x').pathname);
    if (match === null) return false;
    const [, uid = '', step] = match;
    // Throws SessionNotFound for an unknown or expired interaction; the caller answers 400.
    const details = await deps.provider.interactionDetails(request, response);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    const ip = request.socket.remoteAddress ?? 'unknown';
    const locale = (details.params.ui_locales as string | undefined)?.split(' ')[0];

    if (request.method === 'GET' && step === undefined) {
      const email = deps.codes.emailFor(uid);
      html(response, 200, email === undefined ? emailPage(uid) : codePage(uid, email));
      return true;
    }
    if (request.method === 'POST' && step === 'email') {
      const email = (await formBody(request)).get('email')?.trim().toLowerCase() ?? '';
      if (!EMAIL.test(email)) {
        html(
          response,
          400,
          emailPage(uid, { code: 'email_invalid', message: MESSAGES.email_invalid }),
          'email_invalid',
        );
        return true;
      }
      if (!perIp.take(ip) || !perAddress.take(email)) {
        html(response, 429, emailPage(uid, { code: 'rate_limited', message: MESSAGES.rate_limited }), 'rate_limited');
        return true;
      }
      const code = deps.codes.issue(uid, email);
      const attempt = (sent.get(uid) ?? 0) + 1;
      sent.set(uid, attempt);
      await deps.sendCode({ idempotencyKey: `sign-in/${uid}/${attempt}`, to: email, code, locale });
      html(response, 200, codePage(uid, email));
      return true;
    }
    if (request.method === 'POST' && step === 'code') {
      const code = (await formBody(request)).get('code')?.trim() ?? '';
      const email = deps.codes.emailFor(uid) ?? '';
      if (!guesses.take(ip)) {
        html(
          response,
          429,
          codePage(uid, email, { code: 'rate_limited', message: MESSAGES.rate_limited }),
          'rate_limited',
        );
        return true;
      }
      const result = deps.codes.redeem(uid, code);
      if ('refused' in result) {
        const page =
          email === ''
            ? emailPage(uid, { code: result.refused, message: MESSAGES[result.refused] })
            : codePage(uid, email, { code: result.refused, message: MESSAGES[result.refused] });
        html(response, 400, page, result.refused);
        return true;
      }
      sent.delete(uid);
      await finishLogin(request, response, result.email);
      return true;
    }
    html(response, 405, emailPage(uid), 'method_not_allowed');
    return true;
  };
}
