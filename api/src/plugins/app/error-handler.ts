import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../errors/api-error.js';
import { toApiError } from '../../errors/to-api-error.js';
import { errorEnvelope } from '../../errors/framework-errors.js';

function send(request: FastifyRequest, reply: FastifyReply, error: ApiError): FastifyReply {
  return reply.status(error.statusCode).send(errorEnvelope(error, request.id));
}

/**
 * The one place failures become responses: every error, and every unknown route, is answered
 * with `{ error: { code, message, details?, requestId } }`. Server-side failures are logged with
 * their cause and answered without it.
 */
export const errorHandlerPlugin = fp(
  async (app) => {
    app.setErrorHandler((raw, request, reply) => {
      const error = toApiError(raw);
      if (error.statusCode >= 500) request.log.error({ err: raw }, 'request failed');
      else request.log.info({ code: error.code, statusCode: error.statusCode }, error.message);
      return send(request, reply, error);
    });
    app.setNotFoundHandler((request, reply) =>
      send(
        request,
        reply,
        new ApiError(404, 'route_not_found', `No route for ${request.method} ${request.url.split('?')[0] ?? ''}`),
      ),
    );
  },
  { name: 'fanfare-errors' },
);
