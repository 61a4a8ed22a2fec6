import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER } from '../plugins/app/request-id.js';
import { ApiError } from './api-error.js';

/** The one error shape, `{ error: { code, message, details?, requestId } }`. */
export function errorEnvelope(error: ApiError, requestId: string): { error: Record<string, unknown> } {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
      requestId,
    },
  };
}

/**
 * Fastify's `frameworkErrors`: the router answers a path it cannot decode, or a parameter
 * longer than `maxParamLength`, before any route or error handler runs; this gives them the
 * error envelope.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const apiError =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new ApiError(414, 'uri_too_long', 'A path segment is longer than the API accepts')
      : error.code === 'FST_ERR_BAD_URL'
        ? new ApiError(400, 'bad_url', 'The path is not valid URL encoding')
        : new ApiError(400, 'bad_request', error.message);
  request.log.info({ code: apiError.code, statusCode: apiError.statusCode }, apiError.message);
  void reply
    .status(apiError.statusCode)
    .header(REQUEST_ID_HEADER, request.id)
    .send(errorEnvelope(apiError, request.id));
}

/**
 * Node's `clientError`: a request the HTTP parser refused (a header over Node's size limit,
 * a malformed request line or header) never reaches Fastify. The answer is written on the raw
 * socket, still in the error envelope, and the connection is closed as Node would.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const apiError =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new ApiError(431, 'header_too_large', 'The request headers are larger than the API accepts')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new ApiError(408, 'bad_request', 'The request took too long to arrive')
        : new ApiError(400, 'bad_request', 'The request is not valid HTTP');
  const requestId = randomUUID();
  const body = JSON.stringify(errorEnvelope(apiError, requestId));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${apiError.statusCode} ${STATUS_CODES[apiError.statusCode]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
