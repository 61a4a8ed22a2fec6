import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import AstroPWA from '@vite-pwa/astro';
import { catalogFile, defaultCatalogDir, siteRoot, tenantPublicDir } from './src/export/paths.ts';
import { writeCspManifest } from './src/build/csp-manifest.ts';
import { precachePatterns } from './src/features/pwa/precache.ts';
import { enabledLocales, localeSegment } from './src/lib/locales.ts';

// One build per storefront: the tenant, its export and the output folder come from the
// environment that `buildTenant` sets, so each tenant gets its own manifest and worker scope.
const handle = process.env.FANFARE_SITE_TENANT ?? 'aurora';
const catalogDir = process.env.FANFARE_SITE_CATALOG_DIR ?? defaultCatalogDir;
const catalog = JSON.parse(readFileSync(catalogFile(catalogDir, handle), 'utf8')) as {
  tenant: { name: string; locale: string; locales?: string[]; theme: { primaryColor: string } };
  products: { slug: string }[];
};
const origin = process.env.FANFARE_SITE_ORIGIN ?? `http://${handle}.localhost:${process.env.SITE_PORT ?? '4321'}`;
const outDir = process.env.FANFARE_SITE_OUT_DIR ?? path.join(siteRoot, 'dist', handle);
const top = Number(process.env.FANFARE_SITE_PRECACHE_TOP ?? '10');
const [defaultLocale = 'en-US', ...otherLocales] = enabledLocales(catalog.tenant);
const localeDirs = otherLocales.flatMap((l) => localeSegment(l, defaultLocale) ?? []);

export default defineConfig({
  // `buildTenant` runs each build with its own --root (a scratch folder), so that concurrent
  // builds never share Astro's `.astro/` state; the sources stay here.
  srcDir: path.join(siteRoot, 'src'),
  cacheDir: process.env.FANFARE_SITE_CACHE_DIR ?? path.join(siteRoot, 'node_modules', '.astro-cache', handle),
  site: origin,
  outDir,
  publicDir: tenantPublicDir(catalogDir, handle),
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [
    // The islands are written against React's API; preact/compat runs them (react and react-dom
    // are aliased to it), so a page with islands loads Preact, not React's much larger runtime.
    preact({ compat: true }),
    // The edge's CSP allows inline code by hash only: list each page's hashes once it is built.
    {
      name: 'fanfare-csp-hashes',
      hooks: { 'astro:build:done': async ({ dir }) => void (await writeCspManifest(fileURLToPath(dir))) },
    },
    AstroPWA({
      strategies: 'injectManifest',
      // Explicit: with a scratch --root, the plugin's default (Vite's client outDir) is not the site's.
      outDir,
      srcDir: path.join(siteRoot, 'src', 'features', 'pwa'),
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifest: {
        name: catalog.tenant.name,
        short_name: catalog.tenant.name,
        lang: catalog.tenant.locale,
        start_url: '/',
        scope: '/',
        id: '/',
        display: 'standalone',
        theme_color: catalog.tenant.theme.primaryColor,
        background_color: '#ffffff',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      injectManifest: {
        globPatterns: precachePatterns(
          catalog.products.map((p) => p.slug),
          top,
          localeDirs,
        ),
        globIgnores: ['media/**'],
      },
      devOptions: { enabled: false },
    }),
  ],
});
