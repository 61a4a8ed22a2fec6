/**
 * `pnpm bench:site [--tenants 10] [--products 1000] [--no-lighthouse]` (not a test): builds N
 * synthetic storefronts of M products each, prints pages per second, then serves them through
 * the edge and runs Lighthouse (Debian Chromium) on a home and a product page, printing the four
 * category scores and LCP / CLS / TBT.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildAllTenants } from '../src/build/build-tenant.js';
import { createEdgeServer } from '../src/edge/edge-server.js';
import { tenantResolver } from '../src/edge/tenant-resolver.js';
import { CATALOG_SCHEMA_VERSION, catalogExportSchema, type CatalogExport } from '../src/export/catalog-schema.js';
import { catalogFile, siteRoot, tenantPublicDir } from '../src/export/paths.js';
import { tenantIcon } from '../src/export/tenant-icon.js';

const run = promisify(execFile);
const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};

// Synthetic, schema-checked catalogs: the bench measures the build, not the database.
function syntheticCatalog(t: number, products: number): CatalogExport {
  const handle = `bench${t}`;
  const genres = ['ambient', 'folk', 'electronic', 'jazz', 'fiction', 'poetry'];
  const creators = Array.from({ length: 5 }, (_, i) => ({ id: `${handle}-c${i}`, slug: `artist-${i}`, displayName: `Artist ${i}`, bio: 'Bench artist.' }));
  const works = Array.from({ length: Math.ceil(products / 4) }, (_, i) => ({
    id: `${handle}-w${i}`, slug: `work-${i}`, kind: 'album' as const, title: `Work ${i}`, description: 'A bench work.',
    genre: genres[i % genres.length] ?? 'folk', tags: ['bench'], releaseYear: 2000 + (i % 26), creatorId: creators[i % 5]?.id ?? '',
    cover: null, publishedAt: '2026-01-01T00:00:00.000Z',
  }));
  const list = Array.from({ length: products }, (_, i) => {
    const id = `${handle}-p${i}`;
    return {
      id, slug: `product-${i}`, kind: 'digital' as const, mediaType: i % 3 === 0 ? ('ebook' as const) : ('music' as const),
      title: `Product ${i}`, description: `Bench product ${i}.`, workId: works[Math.floor(i / 4)]?.id ?? null,
      creatorId: creators[i % 5]?.id ?? '', tokenAmount: null, subscriptionInterval: null, eulaVersion: '2026-01',
      prices: [
        { productId: id, currency: 'USD', region: 'US', amount: 99 + i, taxInclusive: false },
        { productId: id, currency: 'EUR', region: 'EU', amount: 99 + i, taxInclusive: true },
        { productId: id, currency: 'GBP', region: 'GB', amount: 89 + i, taxInclusive: true },
      ],
      preview: null, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    };
  });
  return catalogExportSchema.parse({
    schemaVersion: CATALOG_SCHEMA_VERSION, exportedAt: new Date().toISOString(),
    tenant: { id: handle, handle, name: `Bench Store ${t}`, locale: ['en-US', 'en-GB', 'fr-FR', 'de-DE'][t % 4], currency: 'USD',
      theme: { primaryColor: '#1d3557', accentColor: '#e63946', logo: null }, customDomains: [] },
    creators, works, products: list,
  });
}

async function countHtml(dir: string): Promise<number> {
  let count = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith('.html')) count += 1;
  return count;
}

async function lighthouse(url: string): Promise<string> {
  const cli = path.join(siteRoot, 'node_modules', 'lighthouse', 'cli', 'index.js');
  const flags = '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';
  const { stdout } = await run(process.execPath, [cli, url, '--output=json', '--quiet', `--chrome-flags=${flags}`,
    '--only-categories=performance,accessibility,best-practices,seo'], { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(stdout) as { categories: Record<string, { score: number | null }>; audits: Record<string, { numericValue?: number }> };
  const score = (key: string): string => String(Math.round((report.categories[key]?.score ?? 0) * 100));
  const ms = (key: string): string => `${Math.round(report.audits[key]?.numericValue ?? 0)} ms`;
  return `performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')}; ` +
    `LCP ${ms('largest-contentful-paint')}, CLS ${(report.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)}, TBT ${ms('total-blocking-time')}`;
}

async function main(): Promise<void> {
  const tenants = arg('tenants', 10);
  const products = arg('products', 1000);
  const work = await mkdtemp(path.join(tmpdir(), 'fanfare-bench-site-'));
  const catalogDir = path.join(work, 'catalog');
  const distDir = path.join(work, 'dist');
  const server = createEdgeServer({ distDir, resolveTenant: tenantResolver('fanfare.localhost', async () => undefined) });
  try {
    for (let t = 0; t < tenants; t += 1) {
      const catalog = syntheticCatalog(t, products);
      await mkdir(tenantPublicDir(catalogDir, catalog.tenant.handle), { recursive: true });
      await writeFile(path.join(tenantPublicDir(catalogDir, catalog.tenant.handle), 'icon.svg'), tenantIcon(catalog.tenant));
      await writeFile(catalogFile(catalogDir, catalog.tenant.handle), JSON.stringify(catalog));
    }
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const started = performance.now();
    await buildAllTenants({ catalogDir, distDir, originOf: (h) => `http://${h}.localhost:${port}` });
    const seconds = (performance.now() - started) / 1000;
    const pages = await countHtml(distDir);
    console.log(`built ${tenants} storefronts × ${products} products: ${pages} pages in ${seconds.toFixed(1)} s = ${(pages / seconds).toFixed(0)} pages/s`);
    if (!process.argv.includes('--no-lighthouse')) {
      console.log(`lighthouse home:    ${await lighthouse(`http://bench0.localhost:${port}/`)}`);
      console.log(`lighthouse product: ${await lighthouse(`http://bench0.localhost:${port}/products/product-1/`)}`);
    }
  } finally {
    server.close();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
