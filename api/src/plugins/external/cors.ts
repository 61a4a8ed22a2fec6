import fp from 'fastify-plugin';
import cors from '@fastify/cors';
import type { FanfareConfig } from '@fanfare/config';
import { REQUEST_ID_HEADER } from '../app/request-id.js';
import { ApiError } from '../../errors/api-error.js';

/**
 * Cross-origin access for the storefronts and the admin console, from `CORS_ORIGINS`
 * (`*` in development).
 */
export const corsPlugin = fp<{ config: FanfareConfig }>(
  async (app, { config }) => {
    const origins = config.api.corsOrigins;
    // @fastify/cors answers a preflight without Origin in plain text; refuse it first, in the envelope.
    app.addHook('onRequest', async (request) => {
      if (request.method === 'OPTIONS' && request.headers.origin === undefined)
        throw new ApiError(400, 'bad_request', 'A CORS preflight needs an Origin header');
    });
    await app.register(cors, {
      origin: origins.includes('*') ? '*' : origins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', REQUEST_ID_HEADER, 'x-tenant', 'idempotency-key'],
      exposedHeaders: [
        REQUEST_ID_HEADER,
        'retry-after',
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
      ],
      maxAge: 600,
    });
  },
  { name: 'fanfare-cors' },
);
