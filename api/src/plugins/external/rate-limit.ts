import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import type { FanfareConfig } from '@fanfare/config';
import { ApiError } from '../../errors/api-error.js';

/**
 * One global limit per client IP from `RATE_LIMIT_MAX` per `RATE_LIMIT_WINDOW_MS`. Kept in
 * memory: each API instance counts on its own, which is enough to blunt a single abusive client.
 *
 * The limiter runs as an instance-wide `onRequest` hook registered before auth and tenancy, not
 * as the plugin's per-route hook (which Fastify runs after every instance hook): a flood of bad
 * tokens, unknown hosts or unknown routes is cut off before it costs a signature check or a
 * database lookup.
 */
export const rateLimitPlugin = fp<{ config: FanfareConfig }>(
  async (app, { config }) => {
    await app.register(rateLimit, {
      global: false,
      max: config.api.rateLimit.max,
      timeWindow: config.api.rateLimit.windowMs,
      errorResponseBuilder: (_request, context) =>
        new ApiError(429, 'rate_limited', `Too many requests; retry in ${context.after}`, {
          limit: context.max,
          retryAfterSeconds: Math.ceil(context.ttl / 1000),
        }),
    });
    app.addHook('onRequest', app.rateLimit());
  },
  { name: 'fanfare-rate-limit' },
);
