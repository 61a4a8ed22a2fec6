import type { MessageKey } from '../../lib/i18n';
import type { ApiResult } from '../../lib/api-fetch';
import type { CheckoutProblem } from './checkout-request';

/** The strings the checkout's error wording draws on. */
export const CHECKOUT_ERROR_LABELS = [
  'errOffline',
  'errUnavailable',
  'errEmailRequired',
  'errCountry',
  'errRegion',
  'errNotForSale',
  'errNoPrice',
  'errSoldOut',
  'errSessionExpired',
  'errInvalid',
  'errNotPayable',
  'errRateLimited',
  'errRefused',
  'errUnknown',
  'probMixedCurrencies',
  'probEula',
  'emptyCart',
] as const satisfies readonly MessageKey[];

/** One of `CHECKOUT_ERROR_LABELS`. */
type CheckoutErrorLabel = (typeof CHECKOUT_ERROR_LABELS)[number];

/** A message to show: which string, and what fills its placeholders. */
export interface Wording {
  label: CheckoutErrorLabel;
  values: Record<string, string>;
}

const BY_CODE: Record<string, CheckoutErrorLabel> = {
  email_required: 'errEmailRequired',
  unknown_country: 'errCountry',
  region_required: 'errRegion',
  unknown_region: 'errRegion',
  unknown_product: 'errNotForSale',
  product_not_for_sale: 'errNotForSale',
  no_price_in_currency: 'errNoPrice',
  currency_mismatch: 'errNoPrice',
  capacity_exhausted: 'errSoldOut',
  unauthenticated: 'errSessionExpired',
  invalid_token: 'errSessionExpired',
  token_expired: 'errSessionExpired',
  checkout_not_payable: 'errNotPayable',
  rate_limited: 'errRateLimited',
};

/**
 * A refusal of `POST /v1/checkout` (or the development payment) in plain words: the domain code
 * when the API gave a known one, else by status (400 validation, 422 refusal, 503 try again).
 */
export function checkoutErrorWording(
  failure: Extract<ApiResult<unknown>, { ok: false }>,
  retryWhen: (seconds: number) => string,
): Wording {
  const values = { code: failure.code, when: retryWhen(failure.retryAfterSeconds ?? 60) };
  if (failure.status === 0) return { label: 'errOffline', values };
  const byCode = BY_CODE[failure.code];
  if (byCode !== undefined) return { label: byCode, values };
  if (failure.status >= 500) return { label: 'errUnavailable', values };
  if (failure.status === 400) return { label: 'errInvalid', values };
  if (failure.status === 422) return { label: 'errRefused', values };
  return { label: 'errUnknown', values };
}

const BY_PROBLEM: Record<CheckoutProblem, CheckoutErrorLabel> = {
  cart_empty: 'emptyCart',
  mixed_currencies: 'probMixedCurrencies',
  email: 'errEmailRequired',
  country: 'errCountry',
  region: 'errRegion',
  eula: 'probEula',
};

/** A form problem found before sending, in plain words. */
export function problemWording(problem: CheckoutProblem): Wording {
  return { label: BY_PROBLEM[problem], values: {} };
}
