import { ServiceError } from '@temporalio/client';
import type { FastifyError } from 'fastify';
import { isDomainError } from '@fanfare/domain';
import { ApiError } from './api-error.js';
import { fromDomainError } from './domain-error.js';
import { validationFailure } from '../validation/classify-validation.js';

/** Fastify's own client errors, by their `code`, in our vocabulary. */
const FASTIFY_CODES: Readonly<Record<string, (error: FastifyError) => ApiError>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => new ApiError(400, 'malformed_json', 'The request body is not valid JSON'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new ApiError(400, 'malformed_json', 'The request says it carries JSON but its body is empty'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new ApiError(413, 'payload_too_large', 'The request body is too large'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (error) =>
    new ApiError(415, 'unsupported_media_type', 'Send the body as application/json', { reason: error.message }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    new ApiError(400, 'bad_request', 'Content-Length does not match the body sent'),
};

function isUniqueViolation(error: Error): boolean {
  // MikroORM's UniqueConstraintViolationException; matched by name so this module stays free
  // of the ORM import.
  return error.name === 'UniqueConstraintViolationException';
}

/**
 * Maps anything thrown while handling a request to the ApiError the client will see.
 * Unknown failures become a bare 500 whose message reveals nothing of the cause.
 */
export function toApiError(raw: unknown): ApiError {
  if (raw instanceof ApiError) return raw;
  if (isDomainError(raw)) return fromDomainError(raw);
  // Temporal could not be reached or answered in time. Every start, update and signal the API
  // sends is keyed (workflow id, update id, Stripe event id), so the client's retry is safe.
  if (raw instanceof ServiceError)
    return new ApiError(
      503,
      'service_unavailable',
      'Temporal is temporarily unavailable; retry shortly with the same request',
    );
  const error = (raw instanceof Error ? raw : new Error(String(raw))) as FastifyError;
  if (error.validation !== undefined) return validationFailure(error.validationContext ?? 'request', error.validation);
  const known = error.code === undefined ? undefined : FASTIFY_CODES[error.code];
  if (known !== undefined) return known(error);
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return new ApiError(400, 'malformed_json', 'The request body is not valid JSON');
  }
  if (isUniqueViolation(error)) return new ApiError(409, 'conflict', 'That already exists');
  const status = error.statusCode ?? 500;
  if (status === 429) return new ApiError(429, 'rate_limited', 'Too many requests; slow down and retry later');
  if (status === 413) return new ApiError(413, 'payload_too_large', 'The request body is too large');
  if (status === 415) return new ApiError(415, 'unsupported_media_type', 'Send the body as application/json');
  if (status >= 400 && status < 500) return new ApiError(status, 'bad_request', error.message);
  if (status === 503) return new ApiError(503, 'service_unavailable', 'The service is temporarily unavailable');
  return new ApiError(500, 'internal_error', 'Something went wrong on our side');
}
