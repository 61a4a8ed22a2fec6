import fp from 'fastify-plugin';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createOrm, type EntityManager } from '@fanfare/db';

declare module 'fastify' {
  interface FastifyInstance {
    /** The one ORM of this app; fork it, never use `orm.em` directly in a request. */
    orm: MikroORM;
  }
  interface FastifyRequest {
    /**
     * This request's own EntityManager (an identity map that dies with the request). It names
     * no tenant, so querying tenant-owned entities through it fails: tenant routes use
     * `request.tenantEm`.
     */
    em: EntityManager;
  }
}

/** Options of {@link ormPlugin}. */
export interface OrmPluginOptions {
  databaseUrl: string;
  /** An ORM owned by the caller (left open on close); otherwise one is made and closed here. */
  orm?: MikroORM | undefined;
}

/**
 * The MikroORM instance and a per-request fork. MikroORM connects lazily, so the API starts
 * (and its health check reports the database down) while PostgreSQL is unreachable.
 */
export const ormPlugin = fp<OrmPluginOptions>(
  async (app, options) => {
    const orm = options.orm ?? (await createOrm(options.databaseUrl));
    app.decorate('orm', orm);
    app.decorateRequest('em', undefined as unknown as EntityManager);
    app.addHook('onRequest', async (request) => {
      request.em = orm.em.fork();
    });
    if (options.orm === undefined) app.addHook('onClose', async () => orm.close());
  },
  { name: 'fanfare-orm' },
);
