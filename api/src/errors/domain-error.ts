import type { DomainError, DomainErrorCode } from '@fanfare/domain';
import { ApiError } from './api-error.js';

/**
 * Domain refusals that mean the request itself is malformed (a value no catalog could accept);
 * every other refusal is about this catalog, price list or code at this moment: 422.
 */
const MALFORMED: ReadonlySet<DomainErrorCode> = new Set<DomainErrorCode>([
  'invalid_amount',
  'invalid_quantity',
  'unknown_currency',
  'unknown_country',
  'unknown_region',
  'region_required',
  'malformed_postal_code',
  'malformed_vat_id',
  'empty_cart',
  'invalid_membership',
]);

/** Refusals of who the caller is rather than of what they sent. */
const FORBIDDEN: ReadonlySet<DomainErrorCode> = new Set<DomainErrorCode>(['membership_forbidden']);

/** A domain refusal as the client sees it: 400, 403 or 422, with the domain's code and details. */
export function fromDomainError(error: DomainError): ApiError {
  const status = MALFORMED.has(error.code) ? 400 : FORBIDDEN.has(error.code) ? 403 : 422;
  return new ApiError(status, error.code, error.message, { ...error.details });
}
