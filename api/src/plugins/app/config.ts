import fp from 'fastify-plugin';
import type { FanfareConfig } from '@fanfare/config';

declare module 'fastify' {
  interface FastifyInstance {
    /** The validated configuration the app was built with. */
    config: FanfareConfig;
  }
}

/** Makes the typed configuration available to every plugin and route as `app.config`. */
export const configPlugin = fp<{ config: FanfareConfig }>(
  async (app, { config }) => {
    app.decorate('config', config);
  },
  { name: 'fanfare-config' },
);
