import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FanfareConfig } from '@fanfare/config';
import { ERROR_CODES } from '../../errors/error-codes.js';
import { documentOperation } from './openapi-operations.js';

/** Where the docs UI lives; the OpenAPI document is at `${DOCS_PREFIX}/json`. */
const DOCS_PREFIX = '/docs';

/**
 * The OpenAPI 3.1 document, generated from the route schemas, and a UI to browse it. Registered
 * before the routes so that it sees all of them.
 */
export const swaggerPlugin = fp<{ config: FanfareConfig }>(
  async (app, { config }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Fanfare API',
          version: '1.0.0',
          description:
            'Multi-tenant marketplace for creative digital goods. The storefront is chosen by the ' +
            `Host header (\`<handle>.${config.platformDomain}\` or a verified custom domain). Every ` +
            'failure answers `{ error: { code, message, details?, requestId } }`; codes: ' +
            `${ERROR_CODES.map((code) => `\`${code}\``).join(', ')}.`,
          license: { name: 'UNLICENSED', identifier: 'LicenseRef-Proprietary' },
        },
        servers: [{ url: config.api.publicUrl }],
        components: {
          securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
      },
      transform: documentOperation,
    });
    await app.register(swaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: true });
  },
  { name: 'fanfare-swagger' },
);
