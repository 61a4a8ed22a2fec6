export { buildApp, type BuildAppOptions } from './app.js';
export { ApiError } from './errors/api-error.js';
export { ERROR_CODES, type ErrorCode } from './errors/error-codes.js';
