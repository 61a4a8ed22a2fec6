import { iso7064Mod11_10Valid, luhnValid, mod97Valid, weightedSum } from './check-digits.js';

/**
 * VAT number shapes and check digits per prefix, after the European Commission's VIES FAQ and
 * the national specifications as implemented by python-stdnum. A rule without `check` is
 * format-only: that country's check digit is either undefined or not implemented here.
 */
export interface VatIdRule {
  /** Prefix as written on the number (`EL` for Greece, `XI` for Northern Ireland, `CHE`). */
  readonly prefix: string;
  /** ISO 3166-1 country the number belongs to. */
  readonly country: string;
  /** The national part after the prefix, compacted (no spaces, dots or dashes). */
  readonly pattern: RegExp;
  /** Rewrites the national part before checking (zero padding, suffix removal). */
  readonly normalize?: (national: string) => string;
  /** Check-digit test on the normalized national part. */
  readonly check?: (national: string) => boolean;
}

const mod11Zero = (weights: readonly number[]) => (n: string) => weightedSum(n, weights) % 11 === 0;

function austria(n: string): boolean {
  // 'U' + 8 digits; Luhn-style sum over digits 1–7 plus 4, complemented to 10.
  const digits = n.slice(1);
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const d = Number(digits[i]) * (i % 2 === 1 ? 2 : 1);
    sum += Math.floor(d / 10) + (d % 10);
  }
  return (10 - ((sum + 4) % 10)) % 10 === Number(digits[7]);
}

const belgium = (n: string) => 97 - (Number(n.slice(0, 8)) % 97) === Number(n.slice(8));

const FR_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function france(n: string): boolean {
  const key = n.slice(0, 2);
  const siren = n.slice(2);
  if (siren.slice(0, 3) !== '000' && !luhnValid(siren)) return false; // Monaco numbers are not SIRENs
  if (/^\d\d$/.test(key)) return Number(key) === Number(BigInt(`${siren}12`) % 97n);
  const [a = '', b = ''] = key;
  const check = /\d/.test(a)
    ? FR_ALPHABET.indexOf(a) * 24 + FR_ALPHABET.indexOf(b) - 10
    : FR_ALPHABET.indexOf(a) * 34 + FR_ALPHABET.indexOf(b) - 100;
  return (Number(siren) + 1 + Math.floor(check / 11)) % 11 === check % 11;
}

const IE_ALPHABET = 'WABCDEFGHIJKLMNOPQRSTUV';
function ireland(n: string): boolean {
  // Old style "1X23456A": digit, letter/+/*, five digits, check letter → rearranged to 0234561.
  const body = /^\d[A-Z+*]/.test(n) ? `0${n.slice(2, 7)}${n[0]}` : n.slice(0, 7);
  const extra = n.length === 9 ? IE_ALPHABET.indexOf(n[8] ?? '') : 0;
  const sum = weightedSum(body, [8, 7, 6, 5, 4, 3, 2]) + 9 * extra;
  return IE_ALPHABET[sum % 23] === n[7];
}

function italy(n: string): boolean {
  const office = Number(n.slice(7, 10));
  const officeOk = (office >= 1 && office <= 100) || [120, 121, 888, 999].includes(office);
  return Number(n.slice(0, 7)) !== 0 && officeOk && luhnValid(n);
}

function netherlands(n: string): boolean {
  // RSIN/BSN eleven-test, or (since 2020, sole traders) ISO 7064 mod 97 over "NL" + number.
  const digits = n.slice(0, 9);
  const eleven = (weightedSum(digits.slice(0, 8), [9, 8, 7, 6, 5, 4, 3, 2]) - Number(digits[8])) % 11 === 0;
  return (eleven && Number(n.slice(10)) > 0) || mod97Valid(`NL${n}`);
}

const poland = (n: string) => {
  const rest = weightedSum(n.slice(0, 9), [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
  return rest !== 10 && rest === Number(n[9]);
};

const portugal = (n: string) => {
  const check = (11 - (weightedSum(n.slice(0, 8), [9, 8, 7, 6, 5, 4, 3, 2]) % 11)) % 11;
  return check % 10 === Number(n[8]);
};

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
function spain(n: string): boolean {
  const first = n[0] ?? '';
  const last = n[8] ?? '';
  if (/\d/.test(first)) return DNI_LETTERS[Number(n.slice(0, 8)) % 23] === last;
  if ('XYZ'.includes(first)) return DNI_LETTERS[Number(`${'XYZ'.indexOf(first)}${n.slice(1, 8)}`) % 23] === last;
  if ('KLM'.includes(first)) return DNI_LETTERS[Number(n.slice(1, 8)) % 23] === last;
  // CIF: Luhn-style check over the 7 middle digits, written as a digit or as a letter J, A–I.
  const middle = n.slice(1, 8);
  let sum = 0;
  [...middle].forEach((c, i) => {
    const d = Number(c) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(d / 10) + (d % 10);
  });
  const check = (10 - (sum % 10)) % 10;
  return last === String(check) || last === 'JABCDEFGHI'[check];
}

const sweden = (n: string) => n.endsWith('01') && luhnValid(n.slice(0, 10));

const slovakia = (n: string) => n[0] !== '0' && [2, 3, 4, 7, 8, 9].includes(Number(n[2])) && BigInt(n) % 11n === 0n;

const slovenia = (n: string) => {
  const check = 11 - (weightedSum(n.slice(0, 7), [8, 7, 6, 5, 4, 3, 2]) % 11);
  return check !== 11 && (check === 10 ? 0 : check) === Number(n[7]);
};

const greece = (n: string) => (weightedSum(n.slice(0, 8), [256, 128, 64, 32, 16, 8, 4, 2]) % 11) % 10 === Number(n[8]);

const estonia = (n: string) => weightedSum(n, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 === 0;

function unitedKingdom(n: string): boolean {
  if (/^(GD|HA)/.test(n)) return true; // government departments and health authorities: no check digit
  const sum = weightedSum(n.slice(0, 9), [8, 7, 6, 5, 4, 3, 2, 10, 1]) % 97;
  return Number(n.slice(0, 3)) >= 100 ? [0, 42, 55].includes(sum) : sum === 0;
}

const switzerland = (n: string) => {
  const check = 11 - (weightedSum(n.slice(0, 8), [5, 4, 3, 2, 7, 6, 5, 4]) % 11);
  return check !== 10 && (check === 11 ? 0 : check) === Number(n[8]);
};

const norway = (n: string) => {
  const check = 11 - (weightedSum(n.slice(0, 8), [3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  return check !== 10 && (check === 11 ? 0 : check) === Number(n[8]);
};

const padTo = (length: number) => (n: string) => n.padStart(length, '0');
const GB_PATTERN = /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/;

/** Every prefix Fanfare recognises: the EU 27, Northern Ireland, the UK, Switzerland and Norway. */
export const VAT_ID_RULES: readonly VatIdRule[] = [
  { prefix: 'AT', country: 'AT', pattern: /^U\d{8}$/, check: austria },
  { prefix: 'BE', country: 'BE', pattern: /^[01]?\d{9}$/, normalize: padTo(10), check: belgium },
  { prefix: 'BG', country: 'BG', pattern: /^\d{9,10}$/ },
  { prefix: 'CY', country: 'CY', pattern: /^[013459]\d{7}[A-Z]$/ },
  { prefix: 'CZ', country: 'CZ', pattern: /^\d{8,10}$/ },
  { prefix: 'DE', country: 'DE', pattern: /^[1-9]\d{8}$/, check: iso7064Mod11_10Valid },
  { prefix: 'DK', country: 'DK', pattern: /^[1-9]\d{7}$/, check: mod11Zero([2, 7, 6, 5, 4, 3, 2, 1]) },
  { prefix: 'EE', country: 'EE', pattern: /^10\d{7}$/, check: estonia },
  { prefix: 'EL', country: 'GR', pattern: /^\d{8,9}$/, normalize: padTo(9), check: greece },
  { prefix: 'ES', country: 'ES', pattern: /^[A-Z0-9]\d{7}[A-Z0-9]$/, check: spain },
  { prefix: 'FI', country: 'FI', pattern: /^\d{8}$/, check: mod11Zero([7, 9, 10, 5, 8, 4, 2, 1]) },
  { prefix: 'FR', country: 'FR', pattern: /^[0-9A-HJ-NP-Z]{2}\d{9}$/, check: france },
  { prefix: 'HR', country: 'HR', pattern: /^\d{11}$/, check: iso7064Mod11_10Valid },
  { prefix: 'HU', country: 'HU', pattern: /^\d{8}$/ },
  { prefix: 'IE', country: 'IE', pattern: /^(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/, check: ireland },
  { prefix: 'IT', country: 'IT', pattern: /^\d{11}$/, check: italy },
  { prefix: 'LT', country: 'LT', pattern: /^(\d{9}|\d{12})$/ },
  { prefix: 'LU', country: 'LU', pattern: /^\d{8}$/, check: (n) => Number(n.slice(0, 6)) % 89 === Number(n.slice(6)) },
  { prefix: 'LV', country: 'LV', pattern: /^\d{11}$/ },
  { prefix: 'MT', country: 'MT', pattern: /^[1-9]\d{7}$/ },
  {
    prefix: 'NL',
    country: 'NL',
    pattern: /^\d{7,9}B\d{2}$/,
    normalize: (n) => n.padStart(12, '0'),
    check: netherlands,
  },
  { prefix: 'PL', country: 'PL', pattern: /^\d{10}$/, check: poland },
  { prefix: 'PT', country: 'PT', pattern: /^[1-9]\d{8}$/, check: portugal },
  { prefix: 'RO', country: 'RO', pattern: /^[1-9]\d{1,9}$/ },
  { prefix: 'SE', country: 'SE', pattern: /^\d{12}$/, check: sweden },
  { prefix: 'SI', country: 'SI', pattern: /^[1-9]\d{7}$/, check: slovenia },
  { prefix: 'SK', country: 'SK', pattern: /^[1-9]\d{9}$/, check: slovakia },
  { prefix: 'GB', country: 'GB', pattern: GB_PATTERN, check: unitedKingdom },
  { prefix: 'XI', country: 'GB', pattern: GB_PATTERN, check: unitedKingdom },
  {
    prefix: 'CHE',
    country: 'CH',
    pattern: /^\d{9}(MWST|TVA|IVA)?$/,
    normalize: (n) => n.slice(0, 9),
    check: switzerland,
  },
  { prefix: 'NO', country: 'NO', pattern: /^\d{9}(MVA)?$/, normalize: (n) => n.slice(0, 9), check: norway },
];
