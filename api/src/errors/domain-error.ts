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
]);

/** A money-engine refusal as the client sees it: 400 or 422, with the domain's code and details. */
export function fromDomainError(error: DomainError): ApiError {
  return new ApiError(MALFORMED.has(error.code) ? 400 : 422, error.code, error.message, { ...error.details });
}
