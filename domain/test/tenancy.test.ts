import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AnswerCache,
  checkCustomDomain,
  checkHandle,
  handleFromHost,
  normalizeHost,
  TENANT_HOST_CACHE,
  type TenantHost,
  tenantHostKey,
  tenantHostOf,
} from '@fanfare/domain';

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

describe('tenantHostOf: one Host → storefront rule for the API and the edge', () => {
  const platform = 'fanfare.test';
  it.each<[string, boolean, TenantHost | undefined]>([
    ['aurora.fanfare.test', true, { kind: 'handle', handle: 'aurora' }],
    ['Aurora.Fanfare.Test.:443', true, { kind: 'handle', handle: 'aurora' }],
    ['aurora.fanfare.test', false, { kind: 'handle', handle: 'aurora' }],
    ['aurora.localhost:4321', false, { kind: 'handle', handle: 'aurora' }],
    ['aurora.localhost:4321', true, undefined],
    ['localhost', false, undefined],
    ['localhost', true, undefined],
    ['a.b.localhost', false, undefined],
    ['admin.fanfare.test', true, undefined],
    ['a.b.fanfare.test', true, undefined],
    ['fanfare.test', true, undefined],
    ['10.0.0.1:3000', true, undefined],
    ['[::1]:3000', false, undefined],
    ['', false, undefined],
    ['Shop.Example.com', true, { kind: 'domain', hostname: 'shop.example.com' }],
    ['shop.example.com:443', false, { kind: 'domain', hostname: 'shop.example.com' }],
  ])('%s (production: %s) → %j', (host, production, expected) => {
    expect(tenantHostOf(host, { platformDomain: platform, production })).toEqual(expected);
  });

  it('keys a handle and a domain apart for caching', () => {
    expect(tenantHostKey({ kind: 'handle', handle: 'aurora' })).toBe('handle:aurora');
    expect(tenantHostKey({ kind: 'domain', hostname: 'aurora' })).toBe('domain:aurora');
  });
});

describe('AnswerCache: hits for long, misses briefly', () => {
  it('keeps a hit for hitTtlMs and a miss for missTtlMs', () => {
    let clock = 0;
    const cache = new AnswerCache<string>(TENANT_HOST_CACHE, () => clock);
    cache.set('handle:aurora', 'aurora');
    cache.set('domain:unknown.example.com', undefined);
    expect(cache.get('handle:aurora')).toEqual({ value: 'aurora' });
    expect(cache.get('domain:unknown.example.com')).toEqual({ value: undefined });
    clock = TENANT_HOST_CACHE.missTtlMs;
    expect(cache.get('domain:unknown.example.com')).toBeUndefined();
    expect(cache.get('handle:aurora')).toEqual({ value: 'aurora' });
    clock = TENANT_HOST_CACHE.hitTtlMs;
    expect(cache.get('handle:aurora')).toBeUndefined();
  });

  it('remembers nothing with a ttl of 0, and drops the oldest entry when full', () => {
    const off = new AnswerCache<string>({ hitTtlMs: 0, missTtlMs: 0 }, () => 0);
    off.set('a', 'x');
    off.set('b', undefined);
    expect(off.get('a')).toBeUndefined();
    expect(off.get('b')).toBeUndefined();
    const small = new AnswerCache<string>({ hitTtlMs: 10, missTtlMs: 10, maxEntries: 2 }, () => 0);
    small.set('a', '1');
    small.set('b', '2');
    small.set('c', '3');
    expect(small.get('a')).toBeUndefined();
    expect(small.get('c')).toEqual({ value: '3' });
  });
});
