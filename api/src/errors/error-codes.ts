import { DOMAIN_ERROR_CODES } from '@fanfare/domain';

/**
 * Every machine-readable code the API answers with. Clients branch on these, so a code, once
 * shipped, keeps its meaning; add new ones rather than reuse an old one for a new situation.
 */
export const ERROR_CODES = [
  'malformed_json',
  'unknown_field',
  'invalid_type',
  'missing_field',
  'validation_failed',
  'bad_request',
  'bad_url',
  'uri_too_long',
  'header_too_large',
  'unauthenticated',
  'invalid_token',
  'token_expired',
  'forbidden',
  'route_not_found',
  'tenant_not_found',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'download_token_invalid',
  'download_token_expired',
  'download_limit_reached',
  'download_revoked',
  'range_not_satisfiable',
  'email_required',
  'checkout_refused',
  'webhook_signature_invalid',
  'webhook_payload_invalid',
  'refund_refused',
  'checkout_not_payable',
  ...DOMAIN_ERROR_CODES,
  'internal_error',
  'service_unavailable',
] as const;

/** One code from {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];
