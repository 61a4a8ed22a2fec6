/**
 * `pnpm --filter @fanfare/site build [--tenant <handle>]`: exports the catalog from the
 * configured database (through @fanfare/db), then builds every storefront, or only one, into
 * `site/dist/<handle>/` (or FANFARE_SITE_CATALOG_DIR / FANFARE_SITE_DIST_DIR).
 */
import { loadConfig } from '@fanfare/config';
import { createOrm } from '@fanfare/db';
import { createBlobStore } from '@fanfare/storage';
import { buildAllTenants, buildTenant } from '../src/build/build-tenant.js';
import { exportCatalog } from '../src/export/export-catalog.js';
import { defaultCatalogDir, defaultDistDir } from '../src/export/paths.js';

async function main(): Promise<void> {
  const flag = process.argv.indexOf('--tenant');
  const only = flag === -1 ? undefined : process.argv[flag + 1];
  if (flag !== -1 && only === undefined) throw new Error('--tenant needs a handle');
  const config = loadConfig();
  // `npm start` keeps its export and build under the data folder; by hand they land in site/.
  const catalogDir = process.env.FANFARE_SITE_CATALOG_DIR ?? defaultCatalogDir;
  const distDir = process.env.FANFARE_SITE_DIST_DIR ?? defaultDistDir;
  const started = performance.now();
  const orm = await createOrm(config.databaseUrl);
  try {
    const exported = await exportCatalog({
      em: orm.em,
      blobs: createBlobStore(config.blobs),
      outDir: catalogDir,
      ...(only === undefined ? {} : { handles: [only] }),
    });
    for (const e of exported)
      console.log(`exported ${e.handle}: ${e.products} products, ${e.mediaFiles} media files written`);
    if (only !== undefined && exported.length === 0) throw new Error(`No active storefront ${only}`);
  } finally {
    await orm.close(true);
  }
  const origin = (handle: string) => `http://${handle}.localhost:${config.site.port}`;
  // The test payment button calls a development route of the API, which exists exactly when the dev issuer is on.
  const payments = { stripePublishableKey: config.stripe.publishableKey ?? null, devPayments: config.auth.devIssuer };
  const built =
    only === undefined
      ? await buildAllTenants({ catalogDir, distDir, originOf: origin, payments })
      : [await buildTenant(only, { catalogDir, distDir, origin: origin(only), payments })];
  console.log(`built ${built.length} storefront(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
