import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

/**
 * Security headers on every response. The JSON API needs no script policy of its own; the docs
 * UI sends its own CSP (swagger-ui's `staticCSP`), so helmet's default policy applies elsewhere.
 */
export const helmetPlugin = fp(
  async (app) => {
    await app.register(helmet, { global: true });
  },
  { name: 'fanfare-helmet' },
);
