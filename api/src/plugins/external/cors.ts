import fp from 'fastify-plugin';
import cors from '@fastify/cors';
import type { FanfareConfig } from '@fanfare/config';
import { REQUEST_ID_HEADER } from '../app/request-id.js';

/**
 * Cross-origin access for the storefronts and the admin console, from `CORS_ORIGINS`
 * (`*` in development).
 */
export const corsPlugin = fp<{ config: FanfareConfig }>(
  async (app, { config }) => {
    const origins = config.api.corsOrigins;
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
