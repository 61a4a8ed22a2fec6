import { CA_PROVINCES, US_STATES, needsSubdivision } from '@fanfare/domain';
import type { CartLine } from '../cart/cart-store';

/** What the buyer filled in on the cart page. */
export interface CheckoutForm {
  /** Ignored when signed in: the API uses the account's email. */
  email: string;
  country: string;
  region: string;
  eulaAccepted: boolean;
}

/** The licence versions of the products a cart may hold (from the catalog export). */
export interface EulaVersions {
  /** The newest version, which most products carry. */
  current: string;
  /** Products on another version, by product id. */
  byProduct: Record<string, string>;
}

const newestFirst = (a: string, b: string) => b.localeCompare(a, 'en', { numeric: true });

/**
 * The licence versions of a catalog, compact: the newest version, plus the products on another
 * one (usually none), so the cart page does not carry a version per product.
 */
export function eulaVersionsOf(products: readonly { id: string; eulaVersion: string }[]): EulaVersions {
  const current = [...new Set(products.map((p) => p.eulaVersion))].sort(newestFirst)[0] ?? '';
  const byProduct: Record<string, string> = {};
  for (const p of products) if (p.eulaVersion !== current) byProduct[p.id] = p.eulaVersion;
  return { current, byProduct };
}

/** `POST /v1/checkout` body. */
interface CheckoutRequestBody {
  items: { productId: string; quantity: number }[];
  currency: string;
  country: string;
  region?: string;
  email?: string;
  idempotencyKey: string;
  eulaAccepted: { version: string };
}

/** Something to fix before the checkout can be sent, by form field. */
export type CheckoutProblem = 'cart_empty' | 'mixed_currencies' | 'email' | 'country' | 'region' | 'eula';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** States or provinces of `country` whose tax differs (US, CA); empty elsewhere. */
export function regionsOf(country: string): readonly string[] {
  if (country === 'US') return US_STATES;
  if (country === 'CA') return CA_PROVINCES;
  return [];
}

/**
 * The licence version the buyer accepts for these lines. An order records one version; when a
 * cart mixes products on different versions, the newest of them is the one accepted (the
 * licence page shows every version the storefront sells under).
 */
export function eulaVersionFor(lines: readonly CartLine[], versions: EulaVersions): string {
  const used = [...new Set(lines.map((l) => versions.byProduct[l.productId] ?? versions.current))];
  return used.sort(newestFirst)[0] ?? versions.current;
}

/** What the body would be without its key: the same content must reuse the same key. */
export type CheckoutContent = Omit<CheckoutRequestBody, 'idempotencyKey'>;

/**
 * Checks the form against the cart and builds the request content, or lists what to fix. The
 * checks mirror the API's (it checks again) so the buyer hears about them before a round trip.
 */
export function checkoutContent(
  lines: readonly CartLine[],
  form: CheckoutForm,
  options: { signedIn: boolean; eula: EulaVersions },
): { ok: true; content: CheckoutContent } | { ok: false; problems: CheckoutProblem[] } {
  const problems: CheckoutProblem[] = [];
  const currencies = new Set(lines.map((l) => l.currency));
  if (lines.length === 0) problems.push('cart_empty');
  if (currencies.size > 1) problems.push('mixed_currencies');
  const email = form.email.trim();
  if (!options.signedIn && !EMAIL.test(email)) problems.push('email');
  if (!/^[A-Z]{2}$/.test(form.country)) problems.push('country');
  else if (needsSubdivision(form.country) && !regionsOf(form.country).includes(form.region)) problems.push('region');
  if (!form.eulaAccepted) problems.push('eula');
  const [currency] = currencies;
  if (problems.length > 0 || currency === undefined) return { ok: false, problems };
  return {
    ok: true,
    content: {
      items: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      currency,
      country: form.country,
      ...(needsSubdivision(form.country) ? { region: form.region } : {}),
      ...(options.signedIn ? {} : { email }),
      eulaAccepted: { version: eulaVersionFor(lines, options.eula) },
    },
  };
}
