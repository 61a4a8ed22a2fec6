import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FanfareConfig } from '@fanfare/config';
import { TENANT_HOST_CACHE } from '@fanfare/domain';
import type { MikroORM } from '@fanfare/db';
import type { Connection } from '@temporalio/client';
import { createValidatorCompiler } from './validation/validator-compiler.js';
import { clientErrorHandler, frameworkErrors } from './errors/framework-errors.js';
import { helmetPlugin } from './plugins/external/helmet.js';
import { corsPlugin } from './plugins/external/cors.js';
import { swaggerPlugin } from './plugins/external/swagger.js';
import { rateLimitPlugin } from './plugins/external/rate-limit.js';
import { requestIdFor, requestIdPlugin } from './plugins/app/request-id.js';
import { errorHandlerPlugin } from './plugins/app/error-handler.js';
import { configPlugin } from './plugins/app/config.js';
import { ormPlugin } from './plugins/app/orm.js';
import { temporalPlugin } from './plugins/app/temporal.js';
import { authPlugin } from './plugins/app/auth.js';
import { tenantPlugin } from './plugins/app/tenant.js';
import { snsPlugin } from './plugins/app/sns.js';
import type { SnsGateway } from './mail/sns-message.js';
import { routes } from './routes/index.js';

/** What {@link buildApp} needs; everything but `config` is for tests and embedding. */
export interface BuildAppOptions {
  config: FanfareConfig;
  /** Share an ORM the caller owns and closes; by default one is made from `config.databaseUrl`. */
  orm?: MikroORM;
  /** Share a Temporal connection the caller owns and closes; by default a lazy one is made. */
  temporalConnection?: Connection;
  /** Overrides the pino logger options derived from `config.logLevel`. */
  logger?: FastifyServerOptions['logger'];
  /** How long a Host → tenant answer is remembered (default the domain's `TENANT_HOST_CACHE`; 0 turns caching off). */
  tenantCacheTtlMs?: number;
  /** How the SES webhook reaches Amazon SNS; tests give one, since AWS is out of reach. */
  snsGateway?: SnsGateway;
}

/**
 * Builds the API without listening, so tests drive it with `app.inject` and `server.ts` decides
 * where it listens. Plugins load in order: outside concerns (security headers, CORS, OpenAPI,
 * rate limit), then the app's (config, ORM, Temporal, auth, tenant), then the routes. Closing the
 * app closes the ORM and the Temporal connection it made.
 */
/** Fastify's typings take a hop count as a function of the hop, as proxy-addr does. */
function trustProxyOption(
  setting: FanfareConfig['api']['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    genReqId: requestIdFor,
    bodyLimit: config.api.bodyLimitBytes,
    trustProxy: trustProxyOption(config.api.trustProxy),
    // Health probes during shutdown should see a clear 503 rather than a reset connection.
    return503OnClosing: true,
    // Download tokens travel as one path parameter (about 190 characters); the default cap is 100.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 256 },
    // The router's and Node's own refusals answer in the error envelope too.
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(createValidatorCompiler());
  // A JSON API: a text body would only reach a route as a string and fail validation with a
  // misleading "must be object", so it is refused at the door with a 415 instead.
  app.removeContentTypeParser('text/plain');

  await app.register(requestIdPlugin);
  await app.register(errorHandlerPlugin);

  await app.register(helmetPlugin);
  await app.register(corsPlugin, { config });
  await app.register(swaggerPlugin, { config });
  await app.register(rateLimitPlugin, { config });

  await app.register(configPlugin, { config });
  await app.register(ormPlugin, { databaseUrl: config.databaseUrl, orm: options.orm });
  await app.register(temporalPlugin, {
    address: config.temporal.address,
    namespace: config.temporal.namespace,
    connection: options.temporalConnection,
  });
  await app.register(authPlugin, { config });
  const ttl = options.tenantCacheTtlMs;
  const cacheTtl =
    ttl === undefined ? TENANT_HOST_CACHE : { hitTtlMs: ttl, missTtlMs: Math.min(ttl, TENANT_HOST_CACHE.missTtlMs) };
  await app.register(tenantPlugin, { config, cacheTtl });
  await app.register(snsPlugin, { gateway: options.snsGateway });

  await app.register(routes, { prefix: '/v1' });
  return app;
}
