import type { CheckoutContent } from './checkout-request';

/**
 * One checkout attempt: the idempotency key the API ties the order to, the content it was made
 * for, and the products to take out of the cart once it is paid.
 */
export interface CheckoutAttempt {
  key: string;
  fingerprint: string;
  productIds: string[];
}

/** Where attempts persist: `sessionStorage` (per tab, survives a reload), a map in tests. */
export interface AttemptStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The storage key of a tenant's current attempt. */
export const attemptKey = (tenant: string): string => `fanfare:checkout:${tenant}`;

/**
 * The content and buyer (the signed-in email, which the body leaves out) in a stable form: same
 * cart, answers and buyer, same fingerprint, whatever the order of the lines.
 */
export function fingerprintOf(content: CheckoutContent, buyer: string): string {
  const items = [...content.items].sort((a, b) => a.productId.localeCompare(b.productId));
  return JSON.stringify([
    buyer.toLowerCase(),
    items,
    content.currency,
    content.country,
    content.region ?? null,
    content.email ?? null,
    content.eulaAccepted.version,
  ]);
}

/** The tenant's stored attempt, or null. */
function storedAttempt(storage: AttemptStorage, tenant: string): CheckoutAttempt | null {
  try {
    const parsed = JSON.parse(storage.getItem(attemptKey(tenant)) ?? 'null') as Partial<CheckoutAttempt> | null;
    if (typeof parsed?.key !== 'string' || typeof parsed.fingerprint !== 'string' || !Array.isArray(parsed.productIds))
      return null;
    return {
      key: parsed.key,
      fingerprint: parsed.fingerprint,
      productIds: parsed.productIds.filter((id) => typeof id === 'string'),
    };
  } catch {
    return null;
  }
}

/**
 * The attempt for `content` by `buyer`: the stored one when the content is unchanged (a reload, a double
 * click or a retry after a lost answer must reach the same order), else a new key, stored
 * before the request leaves so that a second click already sees it.
 */
export function attemptFor(
  storage: AttemptStorage,
  tenant: string,
  content: CheckoutContent,
  buyer: string,
  newKey: () => string,
): CheckoutAttempt {
  const fingerprint = fingerprintOf(content, buyer);
  const stored = storedAttempt(storage, tenant);
  if (stored?.fingerprint === fingerprint) return stored;
  const attempt = { key: newKey(), fingerprint, productIds: content.items.map((i) => i.productId) };
  storage.setItem(attemptKey(tenant), JSON.stringify(attempt));
  return attempt;
}

/** Forgets the attempt with `key` (it was paid); answers it, or null when it was not the stored one. */
export function settleAttempt(storage: AttemptStorage, tenant: string, key: string): CheckoutAttempt | null {
  const stored = storedAttempt(storage, tenant);
  if (stored?.key !== key) return null;
  storage.removeItem(attemptKey(tenant));
  return stored;
}
