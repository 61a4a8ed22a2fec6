import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** Why a code was not accepted; each becomes a 4xx with this code. */
export type CodeRefusal = 'sign_in_code_invalid' | 'sign_in_code_expired' | 'sign_in_code_attempts_exceeded';

interface PendingCode {
  email: string;
  hash: Buffer;
  expiresAt: number;
  attemptsLeft: number;
}

/** How many wrong guesses one code survives: a 6-digit code then has a 5 in a million chance. */
export const ATTEMPTS_PER_CODE = 5;

const hash = (code: string) => createHash('sha256').update(code).digest();

/**
 * One-time sign-in codes, one per interaction (the browser sign-in that asked for it), so a code
 * read from a letter works only where it was requested. Only the code's hash is kept; a code is
 * used once, expires, and dies after {@link ATTEMPTS_PER_CODE} wrong guesses. Kept in memory:
 * this provider is the local and test stand-in for Cognito, and an interaction is as short-lived.
 */
export class SignInCodes {
  private readonly pending = new Map<string, PendingCode>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A fresh 6-digit code for `email` in interaction `uid`, replacing any earlier one. */
  issue(uid: string, email: string): string {
    this.sweep();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.pending.set(uid, {
      email,
      hash: hash(code),
      expiresAt: this.now() + this.ttlMs,
      attemptsLeft: ATTEMPTS_PER_CODE,
    });
    return code;
  }

  /** The address the code of `uid` was sent to, if one is pending. */
  emailFor(uid: string): string | undefined {
    return this.pending.get(uid)?.email;
  }

  /** The email the code proves, or why it proves nothing. A right code is used up. */
  redeem(uid: string, code: string): { email: string } | { refused: CodeRefusal } {
    const pending = this.pending.get(uid);
    if (pending === undefined) return { refused: 'sign_in_code_invalid' };
    if (pending.expiresAt <= this.now()) {
      this.pending.delete(uid);
      return { refused: 'sign_in_code_expired' };
    }
    if (pending.attemptsLeft <= 0) return { refused: 'sign_in_code_attempts_exceeded' };
    if (!/^\d{6}$/.test(code) || !timingSafeEqual(hash(code), pending.hash)) {
      pending.attemptsLeft -= 1;
      return { refused: pending.attemptsLeft <= 0 ? 'sign_in_code_attempts_exceeded' : 'sign_in_code_invalid' };
    }
    this.pending.delete(uid);
    return { email: pending.email };
  }

  private sweep(): void {
    const now = this.now();
    for (const [uid, pending] of this.pending) if (pending.expiresAt <= now) this.pending.delete(uid);
  }
}

/**
 * Counts events per key in a sliding window: code requests per address and per IP, code
 * guesses per IP. In memory, like the codes it guards.
 */
export class WindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a hit for `key`; false when the window was already full (the hit is not counted). */
  take(key: string): boolean {
    const since = this.now() - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(this.now());
    this.hits.set(key, recent);
    return true;
  }
}
