import { describe, expect, it } from 'vitest';
import { assertCountry, isCountryCode } from '../src/geo/countries.js';
import { codeOf } from './support/error-code.js';

describe('country codes', () => {
  it('accepts the assigned ISO 3166-1 alpha-2 codes, Kosovo included', () => {
    for (const code of ['DE', 'US', 'GB', 'FR', 'CA', 'JP', 'XK', 'SS', 'CW']) expect(isCountryCode(code)).toBe(true);
  });

  it('refuses withdrawn, reserved, grouping and pseudo codes that the runtime still names', () => {
    for (const code of [
      'DD',
      'YU',
      'SU',
      'CS',
      'AN',
      'ZR',
      'FX',
      'UK',
      'EU',
      'ZZ',
      'XA',
      'XB',
      'CQ',
      'de',
      'DEU',
      '',
    ]) {
      expect(isCountryCode(code), code).toBe(false);
    }
    expect(codeOf(() => assertCountry('DD'))).toBe('unknown_country');
  });

  it('knows exactly the 249 assigned codes plus XK', () => {
    const all: string[] = [];
    for (let a = 65; a <= 90; a += 1) for (let b = 65; b <= 90; b += 1) all.push(String.fromCharCode(a, b));
    expect(all.filter(isCountryCode)).toHaveLength(250);
  });
});
