import type { ErrorCode } from './error-codes.js';

/**
 * A failure the API means to report to the client as-is: its status, code, message and
 * details reach the response unchanged (5xx messages excepted, see the error handler).
 */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(statusCode: number, code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.code = code;
    this.details = details;
  }
}

/** 404 for a resource that does not exist in the caller's tenant (or at all). */
export function notFound(what: string): ApiError {
  return new ApiError(404, 'not_found', `${what} was not found`);
}

/** 403 for a signed-in caller whose role does not allow the action. */
export function forbidden(message = 'Your role does not allow this action'): ApiError {
  return new ApiError(403, 'forbidden', message);
}

/** 409 for a write that collides with an existing row. */
export function conflict(message: string, details?: Record<string, unknown>): ApiError {
  return new ApiError(409, 'conflict', message, details);
}
