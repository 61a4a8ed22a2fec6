import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCustomDomain, checkHandle, handleFromHost, normalizeHost } from '@fanfare/domain';

describe('checkHandle', () => {
  it.each([
    ['aurora', undefined],
    ['dj-42', undefined],
    ['', 'empty'],
    ['ab', 'too_long'],
    ['a'.repeat(41), 'too_long'],
    ['Aurora', 'invalid_characters'],
    ['my_shop', 'invalid_characters'],
    ['-shop', 'hyphen_at_edge'],
    ['admin', 'reserved'],
    ['www', 'reserved'],
  ])('%s → %s', (handle, problem) => {
    expect(checkHandle(handle)).toBe(problem);
  });
});

describe('checkCustomDomain', () => {
  it.each([
    ['shop.example.com', undefined],
    ['Music.Example.CO.UK.', undefined],
    ['localhost', 'not_fully_qualified'],
    ['shop..example.com', 'empty'],
    ['-shop.example.com', 'hyphen_at_edge'],
    ['shop.exa mple.com', 'invalid_characters'],
    [`${'a'.repeat(64)}.com`, 'label_too_long'],
    ['10.0.0.1', 'numeric_tld'],
  ])('%s → %s', (domain, problem) => {
    expect(checkCustomDomain(domain)).toBe(problem);
  });
});

describe('handleFromHost', () => {
  const suffixes = ['fanfare.shop', 'localhost'];
  it.each([
    ['aurora.fanfare.shop', 'aurora'],
    ['AURORA.Fanfare.Shop:443', 'aurora'],
    ['aurora.localhost:3000', 'aurora'],
    ['fanfare.shop', undefined],
    ['a.b.fanfare.shop', undefined],
    ['aurora.example.com', undefined],
    ['[::1]:3000', undefined],
  ])('%s → %s', (host, handle) => {
    expect(handleFromHost(host, suffixes)).toBe(handle);
  });

  it('finds the handle of every valid handle under the platform domain, whatever the case and port', () => {
    const handle = fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/);
    fc.assert(
      fc.property(handle, fc.integer({ min: 1, max: 65535 }), fc.boolean(), (name, port, upper) => {
        const host = `${name}.fanfare.shop:${port}`;
        expect(handleFromHost(upper ? host.toUpperCase() : host, suffixes)).toBe(name);
      }),
    );
  });

  it('normalizes idempotently', () => {
    fc.assert(
      fc.property(fc.domain(), (domain) => {
        expect(normalizeHost(normalizeHost(domain))).toBe(normalizeHost(domain));
      }),
    );
  });
});
