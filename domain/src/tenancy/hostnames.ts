/**
 * Rules for the names a tenant is reached by: its handle under the platform domain, and any
 * custom domain it brings. Pure functions, no DNS.
 */

/** Handles that would collide with platform hosts or mislead buyers. */
const RESERVED_HANDLES = new Set([
  'www',
  'api',
  'app',
  'admin',
  'auth',
  'cdn',
  'edge',
  'mail',
  'static',
  'assets',
  'status',
  'docs',
  'help',
  'support',
  'billing',
  'temporal',
  'fanfare',
  'localhost',
]);

/** Why a handle or domain was refused. */
export type NameProblem =
  | 'empty'
  | 'too_long'
  | 'invalid_characters'
  | 'hyphen_at_edge'
  | 'reserved'
  | 'not_fully_qualified'
  | 'label_too_long'
  | 'numeric_tld';

/** A storefront handle: 3–40 characters of a–z, 0–9 and inner hyphens; not reserved. */
export function checkHandle(handle: string): NameProblem | undefined {
  if (handle.length === 0) return 'empty';
  if (handle.length < 3 || handle.length > 40) return 'too_long';
  if (!/^[a-z0-9-]+$/.test(handle)) return 'invalid_characters';
  if (handle.startsWith('-') || handle.endsWith('-')) return 'hyphen_at_edge';
  if (RESERVED_HANDLES.has(handle)) return 'reserved';
  return undefined;
}

/**
 * Lower-cases a Host header value and strips its port and a trailing dot, so that
 * `Shop.Example.COM.:443` and `shop.example.com` name the same tenant.
 */
export function normalizeHost(host: string): string {
  let name = host.trim().toLowerCase();
  if (name.startsWith('[')) return name; // IPv6 literal: never a tenant host
  const colon = name.lastIndexOf(':');
  if (colon !== -1) name = name.slice(0, colon);
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/** A custom domain a tenant may bring: a fully qualified DNS name (RFC 1035 labels, ≤ 253). */
export function checkCustomDomain(domain: string): NameProblem | undefined {
  const name = normalizeHost(domain);
  if (name.length === 0) return 'empty';
  if (name.length > 253) return 'too_long';
  const labels = name.split('.');
  if (labels.length < 2) return 'not_fully_qualified';
  for (const label of labels) {
    if (label.length === 0) return 'empty';
    if (label.length > 63) return 'label_too_long';
    if (!/^[a-z0-9-]+$/.test(label)) return 'invalid_characters';
    if (label.startsWith('-') || label.endsWith('-')) return 'hyphen_at_edge';
  }
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return 'numeric_tld';
  return undefined;
}

/**
 * The handle a host names under one of the platform suffixes (`<handle>.<suffix>`), or
 * undefined when the host is not a direct child of any suffix.
 */
export function handleFromHost(host: string, suffixes: readonly string[]): string | undefined {
  const name = normalizeHost(host);
  for (const suffix of suffixes) {
    const tail = `.${suffix.toLowerCase()}`;
    if (name.endsWith(tail)) {
      const handle = name.slice(0, -tail.length);
      if (handle !== '' && !handle.includes('.')) return handle;
    }
  }
  return undefined;
}
