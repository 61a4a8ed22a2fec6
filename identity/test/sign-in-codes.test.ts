import { describe, expect, it } from 'vitest';
import { ATTEMPTS_PER_CODE, SignInCodes, WindowLimiter } from '../src/sign-in-codes.js';

describe('sign-in codes (clock given by the test)', () => {
  it('issues six digits that work once, only in their interaction', () => {
    const codes = new SignInCodes(600_000);
    const code = codes.issue('uid-1', 'a@example.com');
    expect(code).toMatch(/^\d{6}$/);
    expect(codes.redeem('uid-2', code)).toEqual({ refused: 'sign_in_code_invalid' });
    expect(codes.redeem('uid-1', code)).toEqual({ email: 'a@example.com' });
    expect(codes.redeem('uid-1', code)).toEqual({ refused: 'sign_in_code_invalid' });
  });

  it('refuses an expired code, and a new code replaces the old one', () => {
    let now = 0;
    const codes = new SignInCodes(600_000, () => now);
    const old = codes.issue('uid', 'a@example.com');
    const fresh = codes.issue('uid', 'a@example.com');
    if (old !== fresh) expect(codes.redeem('uid', old)).toEqual({ refused: 'sign_in_code_invalid' });
    now = 600_000;
    expect(codes.redeem('uid', fresh)).toEqual({ refused: 'sign_in_code_expired' });
  });

  it(`kills a code after ${ATTEMPTS_PER_CODE} wrong guesses`, () => {
    const codes = new SignInCodes(600_000);
    const code = codes.issue('uid', 'a@example.com');
    const wrong = code === '123456' ? '654321' : '123456';
    const answers = Array.from({ length: ATTEMPTS_PER_CODE }, () => codes.redeem('uid', wrong));
    expect(answers.at(-1)).toEqual({ refused: 'sign_in_code_attempts_exceeded' });
    expect(codes.redeem('uid', code)).toEqual({ refused: 'sign_in_code_attempts_exceeded' });
  });

  it('limits hits per key in a sliding window', () => {
    let now = 0;
    const limiter = new WindowLimiter(2, 1000, () => now);
    expect([limiter.take('ip'), limiter.take('ip'), limiter.take('ip'), limiter.take('other')]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    now = 1001;
    expect(limiter.take('ip')).toBe(true);
  });
});
