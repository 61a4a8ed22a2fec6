/**
 * The check-digit schemes national VAT numbers use. Each takes only digits (validated by the
 * caller's pattern) and answers whether the number is internally consistent; none proves a
 * number is registered, which is what the VIES/HMRC lookup behind `VatIdVerifier` is for.
 */

const digitsOf = (s: string): number[] => [...s].map(Number);

/** Sum of digit × weight over the shorter of the two. */
export function weightedSum(digits: string, weights: readonly number[]): number {
  return digitsOf(digits).reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0);
}

/** Luhn (mod 10) over a string whose last digit is the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  digitsOf(digits)
    .reverse()
    .forEach((d, i) => {
      const v = i % 2 === 1 ? d * 2 : d;
      sum += v > 9 ? v - 9 : v;
    });
  return sum % 10 === 0;
}

/** ISO 7064 MOD 11,10 over a string whose last digit is the check digit (DE, HR). */
export function iso7064Mod11_10Valid(digits: string): boolean {
  let product = 10;
  const all = digitsOf(digits);
  for (const d of all.slice(0, -1)) {
    let sum = (d + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const check = (11 - product) % 10;
  return check === all[all.length - 1];
}

/** ISO 7064 MOD 97-10 over letters and digits (A=10 … Z=35): valid when the remainder is 1. */
export function mod97Valid(text: string): boolean {
  let remainder = 0;
  for (const ch of text) {
    const value = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}
