import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { catalogFile, defaultCatalogDir, defaultDistDir, siteRoot } from '../export/paths.js';
import { catalogPageSizeEnv } from '../features/catalog/pagination.js';
import { paymentEnv, type PaymentOptions } from '../features/checkout/payment-options.js';

/** Where `buildTenant` reads and writes. */
export interface BuildOptions {
  catalogDir?: string;
  distDir?: string;
  /** Canonical origin of the storefront (default `http://<handle>.localhost:<SITE_PORT>`). */
  origin?: string;
  /** Per-tenant origin for `buildAllTenants`. */
  originOf?: (handle: string) => string;
  /** How many product pages the service worker precaches. */
  precacheTop?: number;
  /** Products per catalog page (default `DEFAULT_CATALOG_PAGE_SIZE`). */
  catalogPageSize?: number;
  /** Extra environment for the build (e.g. the API base the islands call). */
  env?: NodeJS.ProcessEnv;
  /** How the checkout takes payment (default: no card form, no development test payment). */
  payments?: PaymentOptions;
}

/**
 * Builds one storefront from its catalog export into `dist/<handle>/`, replacing the previous
 * build only once the new one is complete, so a catalog change rebuilds one tenant without
 * touching the others (the workers call this).
 */
export async function buildTenant(handle: string, options: BuildOptions = {}): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(handle)) throw new Error(`Not a storefront handle: ${handle}`);
  const catalogDir = options.catalogDir ?? defaultCatalogDir;
  const distDir = options.distDir ?? defaultDistDir;
  if (!existsSync(catalogFile(catalogDir, handle))) throw new Error(`No catalog export for ${handle} in ${catalogDir}`);
  const target = path.join(distDir, handle);
  const staging = path.join(distDir, `.${handle}.next`);
  await rm(staging, { recursive: true, force: true });
  await astroBuild({
    ...process.env,
    ...options.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    FANFARE_SITE_TENANT: handle,
    FANFARE_SITE_CATALOG_DIR: catalogDir,
    FANFARE_SITE_OUT_DIR: staging,
    ...(options.origin === undefined ? {} : { FANFARE_SITE_ORIGIN: options.origin }),
    ...(options.precacheTop === undefined ? {} : { FANFARE_SITE_PRECACHE_TOP: String(options.precacheTop) }),
    ...(options.catalogPageSize === undefined ? {} : catalogPageSizeEnv(options.catalogPageSize)),
    ...paymentEnv(options.payments ?? { stripePublishableKey: null, devPayments: false }),
  });
  const old = path.join(distDir, `.${handle}.old`);
  await rm(old, { recursive: true, force: true });
  if (existsSync(target)) await rename(target, old);
  await rename(staging, target);
  await rm(old, { recursive: true, force: true });
  return target;
}

/** Builds every storefront that has an export in `catalogDir`; returns their handles. */
export async function buildAllTenants(options: BuildOptions = {}): Promise<string[]> {
  const catalogDir = options.catalogDir ?? defaultCatalogDir;
  // No export folder yet (nothing seeded, e.g. on a machine without ffmpeg) means no storefront to build.
  const handles = (await mkdir(catalogDir, { recursive: true }).then(() => readdir(catalogDir)))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
  for (const handle of handles) {
    await buildTenant(
      handle,
      options.originOf === undefined ? options : { ...options, origin: options.originOf(handle) },
    );
  }
  return handles;
}

// A child process per tenant: Astro keeps module state per build, and the config is per tenant.
// Each build gets a scratch --root of its own: Astro keeps generated state in `<root>/.astro/`,
// which two builds at once (two tenants, or two test runs) would otherwise overwrite.
async function astroBuild(buildEnv: NodeJS.ProcessEnv): Promise<void> {
  // Inside site/node_modules, so that modules Astro generates there still resolve `astro/...`.
  const scratch = path.join(siteRoot, 'node_modules', '.astro-roots');
  await mkdir(scratch, { recursive: true });
  const root = await mkdtemp(path.join(scratch, 'build-'));
  try {
    await runAstro(root, { ...buildEnv, FANFARE_SITE_CACHE_DIR: path.join(root, 'cache') });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function runAstro(root: string, env: NodeJS.ProcessEnv): Promise<void> {
  const cli = path.join(siteRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const args = [
    cli,
    'build',
    '--silent',
    '--root',
    root,
    '--config',
    path.relative(root, path.join(siteRoot, 'astro.config.ts')),
  ];
  return new Promise((resolve, reject) => {
    // cwd too: when outDir lies outside the cwd, Astro stages prerendering in `<cwd>/.astro/`.
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`astro build failed (${code}) for ${env.FANFARE_SITE_TENANT}:\n${output.slice(-4000)}`)),
    );
  });
}
