/**
 * `pnpm --filter @fanfare/site edge`: serves the built storefronts (`site/dist/<handle>/`) on
 * SITE_HOST:SITE_PORT, mapping `<handle>.localhost`, `<handle>.<PLATFORM_DOMAIN>` and active
 * custom domains (looked up in the database) to their folder.
 */
import { loadConfig } from '@fanfare/config';
import { createOrm } from '@fanfare/db';
import { dbActiveHandle, dbTenantLookup } from '../src/edge/db-lookup.js';
import { createEdgeServer } from '../src/edge/edge-server.js';
import { cachedResolver, tenantResolver } from '../src/edge/tenant-resolver.js';
import { defaultDistDir } from '../src/export/paths.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const orm = await createOrm(config.databaseUrl, { pool: { min: 0, max: 2 } });
  const server = createEdgeServer({
    distDir: process.env.FANFARE_SITE_DIST_DIR ?? defaultDistDir,
    resolveTenant: cachedResolver(
      tenantResolver(config.platformDomain, dbTenantLookup(orm, config.platformDomain), dbActiveHandle(orm)),
    ),
    apiOrigin: config.api.publicUrl,
    // Islands call /v1 on the storefront's own origin; the edge forwards it with the buyer's Host.
    apiUpstream: `http://${config.api.host}:${config.api.port}`,
    apiBodyLimitBytes: config.api.bodyLimitBytes,
  });
  server.listen(config.site.port, config.site.host, () => {
    console.log(
      `storefront edge listening on http://${config.site.host}:${config.site.port} (try http://aurora.localhost:${config.site.port})`,
    );
  });
  const stop = (): void => {
    server.close();
    void orm.close(true).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
