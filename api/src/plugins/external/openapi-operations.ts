import type { FastifySchema, RouteOptions } from 'fastify';

/** A JSON Schema object as the route schemas hold it (TypeBox output). */
interface ObjectSchema {
  readonly properties?: Readonly<Record<string, { readonly default?: unknown }>>;
  readonly required?: readonly string[];
}

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * A stable operationId from the method and path, which client generators and the console's
 * data layer name their calls by: `GET /v1/catalog/products/:slug` → `getCatalogProductsBySlug`.
 */
function operationIdOf(method: string, url: string): string {
  const words = url
    .split('/')
    .filter((segment) => segment !== '' && segment !== 'v1')
    .flatMap((segment) =>
      segment.startsWith(':')
        ? ['By', capitalize(segment.slice(1))]
        : segment
            .split(/[^A-Za-z0-9]+/)
            .filter(Boolean)
            .map(capitalize),
    );
  return method.toLowerCase() + words.join('');
}

/**
 * A parameter with a default is filled in by validation, so the caller may leave it out; the
 * document must not call it required (`limit` on the catalog routes was).
 */
function withDefaultsOptional<T>(schema: T): T {
  const object = schema as ObjectSchema | undefined;
  if (object?.properties === undefined || object.required === undefined) return schema;
  const required = object.required.filter((name) => object.properties?.[name]?.default === undefined);
  return { ...object, required } as T;
}

/**
 * What the route's auth says the caller must present: a bearer token where `roles` are
 * required, either where auth is optional, and nothing (an explicit `[]`) on public routes.
 */
function securityOf(config: { roles?: unknown; optionalAuth?: unknown } | undefined): Record<string, string[]>[] {
  if (config?.roles !== undefined) return [{ bearerAuth: [] }];
  if (config?.optionalAuth === true) return [{}, { bearerAuth: [] }];
  return [];
}

/**
 * `@fastify/swagger`'s `transform`: derives from each route what its schema does not spell out,
 * so that the document cannot drift from the routes: an operationId, the security the auth
 * plugin enforces, and defaulted parameters as optional. A route's own values win.
 */
export function documentOperation({
  schema,
  url,
  route,
}: {
  schema: FastifySchema;
  url: string;
  route: RouteOptions;
}): { schema: FastifySchema; url: string } {
  if (schema === undefined || (schema as { hide?: boolean }).hide === true) return { schema, url };
  const method = Array.isArray(route.method) ? (route.method[0] ?? 'get') : route.method;
  const documented = schema as FastifySchema & { operationId?: string; security?: unknown };
  return {
    url,
    schema: {
      ...schema,
      operationId: documented.operationId ?? operationIdOf(method, url),
      security: documented.security ?? securityOf(route.config as { roles?: unknown; optionalAuth?: unknown }),
      ...(schema.querystring === undefined ? {} : { querystring: withDefaultsOptional(schema.querystring) }),
      ...(schema.params === undefined ? {} : { params: withDefaultsOptional(schema.params) }),
    } as FastifySchema,
  };
}
