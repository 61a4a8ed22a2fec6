/**
 * `pnpm --filter @fanfare/site edge`: serves the built storefronts (`site/dist/<handle>/`) on
 * SITE_HOST:SITE_PORT, mapping `<handle>.<PLATFORM_DOMAIN>`, outside production `<handle>.localhost`,
 * and active custom domains to their folder. Which storefront a host is, the API answers (the
 * edge reads no database); answers are cached for the domain's `TENANT_HOST_CACHE` times.
 */
import { loadConfig } from '@fanfare/config';
import { apiTenantResolver } from '../src/edge/api-storefront-lookup.js';
import { createEdgeServer } from '../src/edge/edge-server.js';
import { defaultDistDir } from '../src/export/paths.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const apiUpstream = `http://${config.api.host}:${config.api.port}`;
  const server = createEdgeServer({
    distDir: process.env.FANFARE_SITE_DIST_DIR ?? defaultDistDir,
    resolveTenant: apiTenantResolver(
      { platformDomain: config.platformDomain, production: config.env === 'production' },
      apiUpstream,
    ),
    apiOrigin: config.api.publicUrl,
    // Islands call /v1 on the storefront's own origin; the edge forwards it with the buyer's Host.
    apiUpstream,
    apiBodyLimitBytes: config.api.bodyLimitBytes,
  });
  server.listen(config.site.port, config.site.host, () => {
    console.log(
      `storefront edge listening on http://${config.site.host}:${config.site.port} (try http://aurora.localhost:${config.site.port})`,
    );
  });
  const stop = (): void => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
