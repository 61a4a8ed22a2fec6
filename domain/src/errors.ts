/**
 * Every way a pricing, tax or discount rule can refuse its input. The api turns `code` into the
 * `error.code` of its one error shape, so a code is a public contract: add codes, never rename.
 */
export const DOMAIN_ERROR_CODES = [
  'invalid_amount',
  'invalid_quantity',
  'invalid_rate',
  'invalid_allocation',
  'currency_mismatch',
  'unknown_currency',
  'unknown_country',
  'unknown_region',
  'region_required',
  'malformed_postal_code',
  'insufficient_location_evidence',
  'malformed_vat_id',
  'vat_id_country_mismatch',
  'vat_id_rejected',
  'no_tax_rate',
  'empty_cart',
  'unknown_product',
  'product_not_for_sale',
  'no_price_in_currency',
  'unknown_discount',
  'discount_not_started',
  'discount_expired',
  'discount_exhausted',
  'discount_customer_limit',
  'minimum_not_met',
  'discount_not_applicable',
  'discount_currency_mismatch',
  'invalid_discount',
  'malformed_fx_feed',
  'no_fx_rate',
  'invalid_invoice',
  'invalid_credit_note',
  'capacity_exhausted',
  'product_without_files',
  'invalid_membership',
  'membership_forbidden',
] as const;

/** One machine-readable reason a domain rule refused its input. */
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/**
 * A refusal by a business rule. Thrown rather than returned so that `quote` can stay a plain
 * function of its input; callers branch on `code`, never on `message`.
 */
export class DomainError extends Error {
  /** The stable reason, used as the api's `error.code`. */
  readonly code: DomainErrorCode;
  /** Facts that help the caller fix the input (the offending value, the limit it broke). */
  readonly details: Readonly<Record<string, unknown>>;

  /** Builds a refusal; `message` is for people, `code` and `details` for programs. */
  constructor(code: DomainErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** True when `error` is a DomainError, optionally with the given code. */
export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
